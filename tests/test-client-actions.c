/* test-client-actions.c: the typed calls that change an account, against fedisim: one
 * request each, with the options they carry, and the models they answer with
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
#include "ferry-client-actions.h"
#include "ferry-client-collections.h"
#include "ferry-test-fixture.h"
#include "ferry-test-util.h"

typedef struct
{
  FerryTestFixture t;
  char            *bob_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryAccount) bob = NULL;

  ferry_test_fixture_setup (&f->t, data);
  fedisim_server_add_user (f->t.server, "bob", "pw");

  ferry_client_lookup_account_async (f->t.client, "bob", NULL, ferry_test_got_result, &result);
  bob = ferry_client_lookup_account_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  f->bob_id = g_strdup (ferry_account_get_id (bob));
  fedisim_server_reset_counts (f->t.server);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  ferry_test_fixture_teardown (&f->t, data);
  g_free (f->bob_id);
}

static FerryRelationship *
finish_rel (Fixture       *f,
            GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  FerryRelationship *rel =
    ferry_client_account_action_finish (f->t.client, ferry_test_wait_for (result), &error);

  g_assert_no_error (error);
  g_clear_object (result);
  return rel;
}

static GPtrArray *
list_all (Fixture         *f,
          FerryCollection  collection,
          const char      *owner)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *all;

  ferry_client_list_all_async (f->t.client, collection, owner, 0, NULL, ferry_test_got_result,
                               &result);
  all = ferry_client_list_all_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  return all;
}

/* A follow keeps its options; a note, an endorsement and a mute with its end come back in
 * the relationship each answers with. */
static void
test_account_actions (Fixture       *f,
                      gconstpointer  data)
{
  const char *languages[] = { "de", "", NULL };
  FerryFollowOptions options = { FALSE, TRUE, languages };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FerryRelationship) followed = NULL;
  g_autoptr(FerryRelationship) noted = NULL;
  g_autoptr(FerryRelationship) endorsed = NULL;
  g_autoptr(FerryRelationship) muted = NULL;
  g_autoptr(FerryRelationship) unfollowed = NULL;
  g_autoptr(FerryRelationship) blocked = NULL;

  ferry_client_follow_async (f->t.client, f->bob_id, &options, NULL, ferry_test_got_result,
                             &result);
  followed = finish_rel (f, &result);
  g_assert_true (ferry_relationship_get_following (followed));
  g_assert_false (ferry_relationship_get_showing_reblogs (followed));
  g_assert_true (ferry_relationship_get_notifying (followed));
  g_assert_cmpstr (ferry_relationship_get_languages (followed)[0], ==, "de");
  g_assert_null (ferry_relationship_get_languages (followed)[1]);

  ferry_client_set_note_async (f->t.client, f->bob_id, "met at FOSDEM", NULL, ferry_test_got_result,
                               &result);
  noted = finish_rel (f, &result);
  g_assert_cmpstr (ferry_relationship_get_note (noted), ==, "met at FOSDEM");

  ferry_client_endorse_async (f->t.client, f->bob_id, NULL, ferry_test_got_result, &result);
  endorsed = finish_rel (f, &result);
  g_assert_true (ferry_relationship_get_endorsed (endorsed));

  ferry_client_mute_async (f->t.client, f->bob_id, FALSE, 3600, NULL, ferry_test_got_result,
                           &result);
  muted = finish_rel (f, &result);
  g_assert_true (ferry_relationship_get_muting (muted));
  g_assert_false (ferry_relationship_get_muting_notifications (muted));

  ferry_client_unfollow_async (f->t.client, f->bob_id, NULL, ferry_test_got_result, &result);
  unfollowed = finish_rel (f, &result);
  g_assert_false (ferry_relationship_get_following (unfollowed));

  ferry_client_block_async (f->t.client, f->bob_id, NULL, ferry_test_got_result, &result);
  blocked = finish_rel (f, &result);
  g_assert_true (ferry_relationship_get_blocking (blocked));

  g_assert_cmpuint (fedisim_server_request_count (f->t.server, "POST /api/v1/accounts/:id/follow"),
                    ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->t.server, "POST /api/v1/accounts/:id/mute"),
                    ==, 1);
  g_assert_cmpuint (fedisim_server_answer_count (f->t.server), ==, 6);
}

/* A list made and a followed account added to it; a server blocked and unblocked. */
static void
test_lists_and_domains (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRelationship) followed = NULL;
  g_autoptr(FerryList) list = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const char *ids[] = { f->bob_id, NULL };

  ferry_client_follow_async (f->t.client, f->bob_id, NULL, NULL, ferry_test_got_result, &result);
  followed = finish_rel (f, &result);
  ferry_client_create_list_async (f->t.client, "Friends", "none", TRUE, NULL, ferry_test_got_result,
                                  &result);
  list = ferry_client_create_list_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (ferry_list_get_title (list), ==, "Friends");
  g_assert_cmpstr (ferry_list_get_replies_policy (list), ==, "none");

  ferry_client_add_to_list_async (f->t.client, ferry_list_get_id (list), ids, NULL,
                                  ferry_test_got_result, &result);
  g_assert_true (ferry_client_action_finish (f->t.client, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  members = list_all (f, FERRY_COLLECTION_LIST_MEMBERS, ferry_list_get_id (list));
  g_assert_cmpuint (members->len, ==, 1);

  ferry_client_block_domain_async (f->t.client, "spam.example", NULL, ferry_test_got_result,
                                   &result);
  g_assert_true (ferry_client_action_finish (f->t.client, ferry_test_wait_for (&result), &error));
  g_clear_object (&result);
  domains = list_all (f, FERRY_COLLECTION_DOMAIN_BLOCKS, NULL);
  g_assert_cmpuint (domains->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (domains, 0), ==, "spam.example");
  ferry_client_unblock_domain_async (f->t.client, "spam.example", NULL, ferry_test_got_result,
                                     &result);
  g_assert_true (ferry_client_action_finish (f->t.client, ferry_test_wait_for (&result), &error));
  none = list_all (f, FERRY_COLLECTION_DOMAIN_BLOCKS, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

/* A hashtag followed and featured: each in its own list, by name. */
static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTag) followed = NULL;
  g_autoptr(FerryTag) featured = NULL;
  g_autoptr(GPtrArray) following = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  ferry_client_follow_tag_async (f->t.client, "rust", NULL, ferry_test_got_result, &result);
  followed = ferry_client_tag_action_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  ferry_client_feature_tag_async (f->t.client, "rust", NULL, ferry_test_got_result, &result);
  featured = ferry_client_tag_action_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_tag_get_name (followed), ==, "rust");
  g_assert_cmpstr (ferry_tag_get_name (featured), ==, "rust");

  following = list_all (f, FERRY_COLLECTION_FOLLOWED_TAGS, NULL);
  shown = list_all (f, FERRY_COLLECTION_FEATURED_TAGS, NULL);
  g_assert_cmpuint (following->len, ==, 1);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (ferry_tag_get_name (g_ptr_array_index (shown, 0)), ==, "rust");
}

/* A filter made with its context, action and keywords: the model answers with them all. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  const char *context[] = { "home", "thread", NULL };
  const FerryFilterKeyword keywords[] = { { "finale", TRUE }, { "ep 9", FALSE } };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryFilter) filter = NULL;
  g_autoptr(GPtrArray) all = NULL;

  ferry_client_create_filter_async (f->t.client, "spoilers", context, "hide", 3600, keywords,
                                    G_N_ELEMENTS (keywords), NULL, ferry_test_got_result, &result);
  filter = ferry_client_create_filter_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_filter_get_title (filter), ==, "spoilers");
  g_assert_cmpstr (ferry_filter_get_action (filter), ==, "hide");
  g_assert_nonnull (ferry_filter_get_expires_at (filter));
  g_assert_cmpstr (ferry_filter_get_context (filter)[1], ==, "thread");
  g_assert_cmpuint (ferry_filter_get_n_keywords (filter), ==, 2);
  g_assert_true (ferry_filter_get_whole_word (filter, 0));
  g_assert_cmpstr (ferry_filter_get_keyword (filter, 1), ==, "ep 9");
  all = list_all (f, FERRY_COLLECTION_FILTERS, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (f->t.server, "POST /api/v2/filters"), ==, 1);
}

/* Akkoma's refusal in a 200's body ({"error": …}) is an error of the typed calls, with the
 * status and the server's own text as fields, whether the call answers a model or not. */
static void
test_error_in_body (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRelationship) blocked = NULL;
  gboolean ok;

  fedisim_server_add_fault (f->t.server, "POST /api/v1/accounts/:id/block", FEDISIM_FAULT_STATUS,
                            200, 1);
  ferry_client_block_async (f->t.client, f->bob_id, NULL, ferry_test_got_result, &result);
  blocked = ferry_client_account_action_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_null (blocked);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
  g_assert_cmpuint (ferry_api_error_get_http_status (error), ==, 200);
  g_assert_cmpstr (ferry_api_error_get_server_text (error), ==, "Injected error");
  g_clear_error (&error);
  g_clear_object (&result);

  fedisim_server_add_fault (f->t.server, "POST /api/v1/domain_blocks", FEDISIM_FAULT_STATUS, 200,
                            1);
  ferry_client_block_domain_async (f->t.client, "spam.example", NULL, ferry_test_got_result,
                                   &result);
  ok = ferry_client_action_finish (f->t.client, ferry_test_wait_for (&result), &error);
  g_assert_false (ok);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
  g_assert_cmpuint (ferry_api_error_get_http_status (error), ==, 200);
  g_assert_cmpstr (ferry_api_error_get_server_text (error), ==, "Injected error");
  g_assert_cmpuint (fedisim_server_request_count (f->t.server, "POST /api/v1/domain_blocks"), ==,
                    1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client-actions/accounts", Fixture, NULL, setup, test_account_actions, teardown);
  g_test_add ("/client-actions/lists-and-domains", Fixture, NULL, setup, test_lists_and_domains,
              teardown);
  g_test_add ("/client-actions/tags", Fixture, NULL, setup, test_tags, teardown);
  g_test_add ("/client-actions/filter", Fixture, NULL, setup, test_filter, teardown);
  g_test_add ("/client-actions/error-in-body", Fixture, NULL, setup, test_error_in_body,
              teardown);
  return g_test_run ();
}
