/* test-client-accounts.c: the typed account calls and the account context against fedisim:
 * one request each, the models they give, and the errors they keep
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "fedisim.h"
#include "ferry-account-context.h"
#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-search.h"
#include "ferry-test-fixture.h"

typedef FerryTestFixture Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bob = NULL;

  ferry_test_fixture_setup (f, data);
  fedisim_server_add_user (f->server, "bob", "pw");
  fedisim_server_add_user (f->server, "carol", "pw");
  bob = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->server));
  g_assert_true (fedisim_server_seed_follow (f->server, "alice", bob, &error));
  g_assert_no_error (error);
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static FerryAccount *
verify (Fixture  *f,
        GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_client_verify_credentials_async (f->client, NULL, got_result, &result);
  return ferry_client_verify_credentials_finish (f->client, wait_for (&result), error);
}

static FerryAccount *
lookup (Fixture     *f,
        const char  *acct,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_client_lookup_account_async (f->client, acct, NULL, got_result, &result);
  return ferry_client_lookup_account_finish (f->client, wait_for (&result), error);
}

/* Who the token belongs to, in one request; a revoked token is AUTH with the server's words. */
static void
test_verify_credentials (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) me = verify (f, &error);
  g_autoptr(FerryAccount) revoked = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (me)->username, ==, "alice");
  g_assert_cmpstr (ferry_account_get_handle (me)->host, ==, fedisim_server_get_host (f->server));
  g_assert_cmpint (ferry_account_get_following (me), ==, 1);
  g_assert_nonnull (ferry_account_get_json (me));
  g_assert_cmpuint (fedisim_server_request_count (f->server,
                                                  "GET /api/v1/accounts/verify_credentials"),
                    ==, 1);

  fedisim_server_revoke_tokens (f->server, "alice");
  revoked = verify (f, &error);
  g_assert_null (revoked);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH);
}

/* An account the server knows; one it does not is NOT_FOUND. */
static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) bob = lookup (f, "bob", &error);
  g_autoptr(FerryAccount) nobody = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (bob)->username, ==, "bob");
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v1/accounts/lookup"),
                    ==, 1);

  nobody = lookup (f, "nobody", &error);
  g_assert_null (nobody);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND);
}

/* Several ids in one request; each relationship found by its id. */
static void
test_relationships (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) bob = lookup (f, "bob", &error);
  g_autoptr(FerryAccount) carol = lookup (f, "carol", &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  const char *ids[] = { ferry_account_get_id (bob), ferry_account_get_id (carol), NULL };
  FerryRelationship *to_bob;
  FerryRelationship *to_carol;

  g_assert_no_error (error);
  ferry_client_get_relationships_async (f->client, ids, G_PRIORITY_DEFAULT, NULL, got_result,
                                        &result);
  rels = ferry_client_get_relationships_finish (f->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rels->len, ==, 2);
  to_bob = ferry_relationship_find (rels, ferry_account_get_id (bob));
  to_carol = ferry_relationship_find (rels, ferry_account_get_id (carol));
  g_assert_nonnull (to_bob);
  g_assert_nonnull (to_carol);
  g_assert_true (ferry_relationship_get_following (to_bob));
  g_assert_true (ferry_relationship_get_showing_reblogs (to_bob));
  g_assert_false (ferry_relationship_get_following (to_carol));
  g_assert_cmpuint (fedisim_server_request_count (f->server,
                                                  "GET /api/v1/accounts/relationships"), ==, 1);
}

/* The probe and verify_credentials once, then shared: the handle is the canonical address,
 * local accts get the account's host. */
static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryAccountContext) context = NULL;
  g_autoptr(FerryAccountContext) again = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *expected = NULL;

  ferry_account_context_new_async (f->client, NULL, NULL, got_result, &result);
  context = ferry_account_context_new_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (ferry_account_context_get_client (context) == f->client);
  g_assert_nonnull (ferry_account_context_get_server_info (context));
  g_assert_cmpstr (ferry_server_info_get_software (
                     ferry_account_context_get_server_info (context)), ==, "mastodon");
  g_assert_cmpstr (ferry_account_context_get_handle (context)->username, ==, "alice");
  g_assert_cmpuint (fedisim_server_request_count (f->server,
                                                  "GET /api/v1/accounts/verify_credentials"),
                    ==, 1);

  local = ferry_account_context_full_acct (context, "@bob");
  remote = ferry_account_context_full_acct (context, "Dana@Elsewhere.example");
  expected = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->server));
  g_assert_cmpstr (local, ==, expected);
  /* The name as written, the host as Mastodon stores it (TagManager#normalize_domain). */
  g_assert_cmpstr (remote, ==, "Dana@elsewhere.example");

  /* With the probe known, only who the account is is asked. */
  fedisim_server_reset_counts (f->server);
  g_clear_object (&result);
  ferry_account_context_new_async (f->client, ferry_account_context_get_server_info (context),
                                   NULL, got_result, &result);
  again = ferry_account_context_new_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (ferry_account_context_get_server_info (again) ==
                 ferry_account_context_get_server_info (context));
  g_assert_cmpuint (fedisim_server_answer_count (f->server), ==, 1);
}

/* Search with resolve finds an account by its address; its actor document names it. */
static void
test_resolve_and_actor (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(FerryActor) actor = NULL;
  g_autofree char *address = g_strdup_printf ("bob@%s", fedisim_server_get_host (f->server));
  FerryAccount *bob;

  ferry_client_resolve_async (f->client, address, FERRY_SEARCH_ACCOUNTS, 1, NULL, got_result,
                              &result);
  found = ferry_client_resolve_finish (f->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  bob = g_ptr_array_index (found, 0);
  g_assert_cmpstr (ferry_account_get_handle (bob)->username, ==, "bob");
  g_assert_cmpuint (fedisim_server_request_count (f->server, "GET /api/v2/search"), ==, 1);

  g_clear_object (&result);
  ferry_client_resolve_async (f->client, "https://nowhere.example/statuses/1",
                              FERRY_SEARCH_STATUSES, 1, NULL, got_result, &result);
  none = ferry_client_resolve_finish (f->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_clear_object (&result);
  ferry_client_get_actor_async (f->client, ferry_account_get_uri (bob), NULL, got_result, &result);
  actor = ferry_client_get_actor_finish (f->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_actor_get_id (actor), ==, ferry_account_get_uri (bob));
  g_assert_cmpstr (ferry_actor_get_preferred_username (actor), ==, "bob");
  g_assert_null (ferry_actor_get_moved_to (actor));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, setup, func, ferry_test_fixture_teardown)
  ADD ("/client-accounts/verify-credentials", test_verify_credentials);
  ADD ("/client-accounts/lookup", test_lookup);
  ADD ("/client-accounts/relationships", test_relationships);
  ADD ("/client-accounts/context", test_context);
  ADD ("/client-accounts/resolve-and-actor", test_resolve_and_actor);
#undef ADD
  return g_test_run ();
}
