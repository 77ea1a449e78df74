/* test-client-collections.c: pages of models against fedisim: a cursor saved and resumed by
 * another client, every page at once, and the origin rule on a saved cursor
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fedisim.h"
#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-collections.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

typedef struct
{
  FerryTestFixture t;
  char            *alice_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryAccount) me = NULL;

  ferry_test_fixture_setup (&f->t, data);
  fedisim_server_seed_following (f->t.server, "alice", 205);

  ferry_client_verify_credentials_async (f->t.client, NULL, ferry_test_got_result, &result);
  me = ferry_client_verify_credentials_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  f->alice_id = g_strdup (ferry_account_get_id (me));
  fedisim_server_reset_counts (f->t.server);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ferry_test_fixture_teardown (&f->t, data);
  g_free (f->alice_id);
}

static FerryPage *
get_page (Fixture      *f,
          FerryClient  *client,
          const char   *cursor,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_client_get_page_async (client, FERRY_COLLECTION_FOLLOWING, f->alice_id, cursor,
                               G_PRIORITY_DEFAULT, NULL, ferry_test_got_result, &result);
  return ferry_client_get_page_finish (client, ferry_test_wait_for (&result), error);
}

/* 205 follows in pages of 80: the second page asked by another client (a later run) from
 * the saved cursor, the last one without a next. */
static void
test_pages_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) first = get_page (f, f->t.client, NULL, &error);
  g_autoptr(FerryClient) later = ferry_test_fixture_new_client (&f->t, f->t.server, f->t.token);
  g_autoptr(FerryPage) second = NULL;
  g_autoptr(FerryPage) third = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ferry_page_get_items (first)->len, ==, 80);
  g_assert_true (FERRY_IS_ACCOUNT (g_ptr_array_index (ferry_page_get_items (first), 0)));
  g_assert_nonnull (ferry_page_get_next (first));
  saved = g_strdup (ferry_page_get_next (first));

  second = get_page (f, later, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_page_get_items (second)->len, ==, 80);
  third = get_page (f, later, ferry_page_get_next (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ferry_page_get_items (third)->len, ==, 45);
  g_assert_null (ferry_page_get_next (third));
  g_assert_cmpuint (fedisim_server_request_count (f->t.server,
                                                  "GET /api/v1/accounts/:id/following"), ==, 3);
}

/* A saved cursor that points elsewhere (a journal someone edited) is not sent. */
static void
test_cursor_origin (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = get_page (f, f->t.client,
                                        "https://evil.example/api/v1/accounts/1/following", &error);

  g_assert_null (page);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (fedisim_server_answer_count (f->t.server), ==, 0);
}

/* Every page, following the Links: the same three requests. */
static void
test_list_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;

  ferry_client_list_all_async (f->t.client, FERRY_COLLECTION_FOLLOWING, f->alice_id, 0, NULL,
                               ferry_test_got_result, &result);
  all = ferry_client_list_all_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 205);
  g_assert_cmpuint (fedisim_server_request_count (f->t.server,
                                                  "GET /api/v1/accounts/:id/following"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client-collections/pages-resume", Fixture, NULL, setup, test_pages_resume,
              teardown);
  g_test_add ("/client-collections/cursor-origin", Fixture, NULL, setup, test_cursor_origin,
              teardown);
  g_test_add ("/client-collections/list-all", Fixture, NULL, setup, test_list_all, teardown);
  return g_test_run ();
}
