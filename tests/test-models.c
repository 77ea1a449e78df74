/* test-models.c: the model parsers of src/api, each from the JSON a server sends
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-account.h"
#include "ferry-actor.h"
#include "ferry-api-error.h"
#include "ferry-filter.h"
#include "ferry-list.h"
#include "ferry-page.h"
#include "ferry-relationship.h"
#include "ferry-status.h"
#include "ferry-tag.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* A GoToSocial verify_credentials: the aliases are in source, the acct has no host. */
static void
test_account_credential (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"01H\",\"username\":\"Alice\",\"acct\":\"Alice\",\"display_name\":\"\","
    "\"note\":\"<p>hi</p>\",\"created_at\":\"2024-01-02T03:04:05.000Z\","
    "\"avatar\":\"https://a.example/a.gif\",\"avatar_static\":\"https://a.example/a.png\","
    "\"header\":\"https://a.example/h.png\",\"followers_count\":-3,\"following_count\":7,"
    "\"locked\":true,\"source\":{\"also_known_as_uris\":[\"https://old.example/users/a\",3]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) account = ferry_account_new_from_json ("Social.Example", node, &error);
  const char * const *aka;

  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_acct (account), ==, "Alice");
  g_assert_cmpstr (ferry_account_get_handle (account)->host, ==, "social.example");
  g_assert_cmpstr (ferry_account_get_display_name (account), ==, "Alice");
  g_assert_cmpstr (ferry_account_get_note (account), ==, "<p>hi</p>");
  g_assert_cmpstr (ferry_account_get_created_at (account), ==, "2024-01-02T03:04:05.000Z");
  g_assert_cmpstr (ferry_account_get_avatar_url (account), ==, "https://a.example/a.png");
  g_assert_cmpstr (ferry_account_get_avatar_original_url (account), ==, "https://a.example/a.gif");
  g_assert_cmpstr (ferry_account_get_header_url (account), ==, "https://a.example/h.png");
  g_assert_cmpint (ferry_account_get_followers (account), ==, 0);
  g_assert_cmpint (ferry_account_get_following (account), ==, 7);
  g_assert_true (ferry_account_get_locked (account));
  aka = ferry_account_get_also_known_as (account);
  g_assert_nonnull (aka);
  g_assert_cmpstr (aka[0], ==, "https://old.example/users/a");
  g_assert_null (aka[1]);
  /* The node it was parsed from, kept as sent. */
  g_assert_true (ferry_account_get_json (account) == node);
}

/* Mastodon shows no aliases: NULL, not an empty list. A number for an id is no account. */
static void
test_account_shapes (void)
{
  g_autoptr(JsonNode) plain = parse ("{\"id\":\"1\",\"acct\":\"bob@other.example\"}");
  g_autoptr(JsonNode) numeric = parse ("{\"id\":1,\"acct\":\"bob\"}");
  g_autoptr(JsonNode) array = parse ("[]");
  g_autoptr(FerryAccount) account = ferry_account_new_from_json ("social.example", plain, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (account);
  g_assert_null (ferry_account_get_also_known_as (account));
  g_assert_cmpstr (ferry_account_get_handle (account)->host, ==, "other.example");
  g_assert_null (ferry_account_get_header_url (account));
  g_assert_null (ferry_account_new_from_json ("social.example", numeric, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_null (ferry_account_new_from_json ("social.example", array, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
}

static void
test_relationship (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"9\",\"following\":true,\"showing_reblogs\":false,\"notifying\":true,"
    "\"languages\":[\"de\",\"en\"],\"muting\":true,\"muting_notifications\":false,"
    "\"endorsed\":true,\"note\":\"met at FOSDEM\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRelationship) rel = ferry_relationship_new_from_json ("social.example", node,
                                                                       &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *languages;

  g_assert_no_error (error);
  g_assert_cmpstr (ferry_relationship_get_id (rel), ==, "9");
  g_assert_true (ferry_relationship_get_following (rel));
  g_assert_false (ferry_relationship_get_showing_reblogs (rel));
  g_assert_true (ferry_relationship_get_notifying (rel));
  languages = ferry_relationship_get_languages (rel);
  g_assert_cmpstr (languages[0], ==, "de");
  g_assert_cmpstr (languages[1], ==, "en");
  g_assert_null (languages[2]);
  g_assert_true (ferry_relationship_get_muting (rel));
  g_assert_false (ferry_relationship_get_muting_notifications (rel));
  g_assert_true (ferry_relationship_get_endorsed (rel));
  g_assert_false (ferry_relationship_get_blocking (rel));
  g_assert_cmpstr (ferry_relationship_get_note (rel), ==, "met at FOSDEM");
  g_assert_true (ferry_relationship_get_json (rel) == node);

  g_ptr_array_add (all, g_object_ref (rel));
  g_assert_true (ferry_relationship_find (all, "9") == rel);
  g_assert_null (ferry_relationship_find (all, "10"));
  g_assert_null (ferry_relationship_find (all, NULL));
}

/* What a server leaves out takes Mastodon's default: boosts shown, a mute hides
 * notifications; languages null is every language. No id: no relationship. */
static void
test_relationship_defaults (void)
{
  g_autoptr(JsonNode) sparse = parse ("{\"id\":\"3\",\"languages\":null}");
  g_autoptr(JsonNode) no_id = parse ("{\"following\":true}");
  g_autoptr(FerryRelationship) rel = ferry_relationship_new_from_json ("s.example", sparse, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rel);
  g_assert_true (ferry_relationship_get_showing_reblogs (rel));
  g_assert_false (ferry_relationship_get_notifying (rel));
  g_assert_true (ferry_relationship_get_muting_notifications (rel));
  g_assert_false (ferry_relationship_get_following (rel));
  g_assert_null (ferry_relationship_get_languages (rel));
  g_assert_null (ferry_relationship_get_note (rel));
  g_assert_null (ferry_relationship_new_from_json ("s.example", no_id, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
}

/* A post: what a backup reads of it, and its media, whatever their ids. */
static void
test_status (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"1\",\"uri\":\"https://s.example/users/a/statuses/1\",\"url\":null,"
    "\"edited_at\":\"2025-01-01T00:00:00Z\",\"account\":{\"acct\":\"a@b.example\"},"
    "\"media_attachments\":[{\"id\":\"9\",\"url\":\"https://m.example/9.png\"},"
    "{\"id\":3,\"url\":\"https://m.example/3.png\"}]}");
  g_autoptr(FerryStatus) status = ferry_status_new_from_json ("s.example", node, NULL);

  g_assert_nonnull (status);
  g_assert_cmpstr (ferry_status_get_id (status), ==, "1");
  g_assert_cmpstr (ferry_status_get_uri (status), ==, "https://s.example/users/a/statuses/1");
  g_assert_null (ferry_status_get_url (status));
  g_assert_cmpstr (ferry_status_get_edited_at (status), ==, "2025-01-01T00:00:00Z");
  g_assert_cmpstr (ferry_status_get_account_acct (status), ==, "a@b.example");
  g_assert_cmpuint (ferry_status_get_n_media (status), ==, 2);
  g_assert_cmpstr (ferry_status_get_media_id (status, 0), ==, "9");
  g_assert_null (ferry_status_get_media_id (status, 1));
  g_assert_cmpstr (ferry_status_get_media_url (status, 1), ==, "https://m.example/3.png");
  g_assert_true (ferry_status_get_json (status) == node);
}

static void
test_tag_and_list (void)
{
  g_autoptr(JsonNode) tag_node = parse ("{\"name\":\"rust\","
                                        "\"url\":\"https://s.example/tags/rust\"}");
  g_autoptr(JsonNode) list_node = parse ("{\"id\":\"5\",\"title\":\"Friends\","
                                         "\"replies_policy\":\"none\",\"exclusive\":true}");
  g_autoptr(JsonNode) old_list = parse ("{\"id\":\"6\",\"title\":\"Work\"}");
  g_autoptr(FerryTag) tag = ferry_tag_new_from_json ("s.example", tag_node, NULL);
  g_autoptr(FerryList) list = ferry_list_new_from_json ("s.example", list_node, NULL);
  g_autoptr(FerryList) old = ferry_list_new_from_json ("s.example", old_list, NULL);

  g_assert_cmpstr (ferry_tag_get_name (tag), ==, "rust");
  g_assert_cmpstr (ferry_list_get_title (list), ==, "Friends");
  g_assert_cmpstr (ferry_list_get_replies_policy (list), ==, "none");
  g_assert_true (ferry_list_has_exclusive (list));
  g_assert_true (ferry_list_get_exclusive (list));
  /* Before Mastodon 4.2 there is no "exclusive": said as not sent, not as false. */
  g_assert_false (ferry_list_has_exclusive (old));
  g_assert_null (ferry_list_get_replies_policy (old));
}

static void
test_filter (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"2\",\"title\":\"spoilers\",\"context\":[\"home\",\"thread\"],"
    "\"filter_action\":\"hide\",\"expires_at\":null,"
    "\"keywords\":[{\"keyword\":\"finale\",\"whole_word\":true},{\"keyword\":\"ep\"}],"
    "\"statuses\":[{\"status_id\":\"8\"},{\"status_id\":8}]}");
  g_autoptr(FerryFilter) filter = ferry_filter_new_from_json ("s.example", node, NULL);
  const char * const *ids;

  g_assert_cmpstr (ferry_filter_get_title (filter), ==, "spoilers");
  g_assert_cmpstr (ferry_filter_get_action (filter), ==, "hide");
  g_assert_null (ferry_filter_get_expires_at (filter));
  g_assert_cmpstr (ferry_filter_get_context (filter)[1], ==, "thread");
  g_assert_cmpuint (ferry_filter_get_n_keywords (filter), ==, 2);
  g_assert_cmpstr (ferry_filter_get_keyword (filter, 0), ==, "finale");
  g_assert_true (ferry_filter_get_whole_word (filter, 0));
  g_assert_false (ferry_filter_get_whole_word (filter, 1));
  ids = ferry_filter_get_status_ids (filter);
  g_assert_cmpstr (ids[0], ==, "8");
  g_assert_null (ids[1]);
}

/* A page: each entry as its collection's model, what is not one left out; an empty page
 * ends the paging whatever its Link says; an object is no page. */
static void
test_page (void)
{
  g_autoptr(JsonNode) accounts = parse ("[{\"id\":\"1\",\"acct\":\"a\"},7,{\"id\":\"2\"}]");
  g_autoptr(JsonNode) domains = parse ("[\"a.example\",3,\"b.example\"]");
  g_autoptr(JsonNode) empty = parse ("[]");
  g_autoptr(JsonNode) object = parse ("{\"error\":\"nope\"}");
  g_autoptr(FerryPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = ferry_page_new_from_json ("s.example", FERRY_COLLECTION_BLOCKS, accounts,
                                   "https://s.example/api/v1/blocks?max_id=3", NULL);
  g_assert_cmpuint (ferry_page_get_n_sent (page), ==, 3);
  g_assert_cmpuint (ferry_page_get_items (page)->len, ==, 1);
  g_assert_true (FERRY_IS_ACCOUNT (g_ptr_array_index (ferry_page_get_items (page), 0)));
  g_assert_cmpstr (ferry_page_get_next (page), ==, "https://s.example/api/v1/blocks?max_id=3");
  ferry_page_truncate (page, 0);
  g_assert_cmpuint (ferry_page_get_items (page)->len, ==, 0);
  g_assert_null (ferry_page_get_next (page));
  g_clear_object (&page);

  page = ferry_page_new_from_json ("s.example", FERRY_COLLECTION_DOMAIN_BLOCKS, domains, NULL,
                                   NULL);
  g_assert_cmpuint (ferry_page_get_items (page)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ferry_page_get_items (page), 1), ==, "b.example");
  g_clear_object (&page);

  page = ferry_page_new_from_json ("s.example", FERRY_COLLECTION_BOOKMARKS, empty,
                                   "https://s.example/api/v1/bookmarks?max_id=1", NULL);
  g_assert_null (ferry_page_get_next (page));
  g_clear_object (&page);

  g_assert_null (ferry_page_new_from_json ("s.example", FERRY_COLLECTION_LISTS, object, NULL,
                                           &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
}

/* The profile a backup keeps: the bio as written (source) and as shown, flags from where the
 * server puts them, nothing the server did not send. */
static void
test_account_profile (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"1\",\"acct\":\"a\",\"display_name\":\"\",\"note\":\"<p>hi</p>\","
    "\"locked\":false,\"source\":{\"note\":\"hi\",\"privacy\":\"unlisted\","
    "\"discoverable\":true,\"fields\":[{\"name\":\"w\",\"value\":\"x\"}]}}");
  g_autoptr(FerryAccount) account = ferry_account_new_from_json ("s.example", node, NULL);
  g_autoptr(JsonObject) profile = ferry_account_dup_profile (account, "a@s.example");
  g_autoptr(JsonNode) wrapped = json_node_init_object (json_node_alloc (), profile);
  g_autofree char *text = json_to_string (wrapped, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"acct\":\"a@s.example\",\"id\":\"1\",\"display_name\":\"\",\"note\":\"hi\","
                   "\"note_html\":\"<p>hi</p>\",\"fields\":[{\"name\":\"w\",\"value\":\"x\"}],"
                   "\"locked\":false,\"discoverable\":true,"
                   "\"posting_defaults\":{\"privacy\":\"unlisted\"}}");
}

/* A post as sent, member by member, less its author, with each attachment's file. */
static void
test_status_archive (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\":\"1\",\"account\":{\"acct\":\"a\"},\"content\":\"x\","
    "\"media_attachments\":[{\"id\":\"9\",\"url\":\"u9\"},{\"id\":\"8\",\"url\":\"\"}],"
    "\"z\":null}");
  g_autoptr(FerryStatus) status = ferry_status_new_from_json ("s.example", node, NULL);
  const char *files[] = { "media/9.png", NULL };
  g_autoptr(JsonObject) archive = ferry_status_dup_archive (status, files, 2);
  g_autoptr(JsonNode) wrapped = json_node_init_object (json_node_alloc (), archive);
  g_autofree char *text = json_to_string (wrapped, FALSE);
  g_autofree char *sent = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"id\":\"1\",\"content\":\"x\",\"media_attachments\":[{\"id\":\"9\","
                   "\"url\":\"u9\",\"local_file\":\"media/9.png\"},{\"id\":\"8\",\"url\":\"\"}],"
                   "\"z\":null}");
  /* The answer itself is not changed. */
  g_assert_null (strstr (sent, "local_file"));
}

/* An actor's aliases, an array on Mastodon, a single string elsewhere. */
static void
test_actor (void)
{
  g_autoptr(JsonNode) many = parse ("{\"id\":\"https://n.example/users/a\","
                                    "\"alsoKnownAs\":[\"https://o.example/users/a\"],"
                                    "\"movedTo\":\"https://m.example/users/a\"}");
  g_autoptr(JsonNode) one = parse ("{\"id\":\"https://n.example/users/a\","
                                   "\"alsoKnownAs\":\"https://o.example/users/a\"}");
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>", 6);
  g_autoptr(FerryActor) a = ferry_actor_new_from_json ("n.example", many, NULL);
  g_autoptr(FerryActor) b = ferry_actor_new_from_json ("n.example", one, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ferry_actor_is_also_known_as (a, "https://o.example/users/a"));
  g_assert_cmpstr (ferry_actor_get_moved_to (a), ==, "https://m.example/users/a");
  g_assert_true (ferry_actor_is_also_known_as (b, "https://o.example/users/a"));
  g_assert_false (ferry_actor_is_also_known_as (b, "https://x.example/users/a"));
  g_assert_null (ferry_actor_new_from_bytes ("n.example", html, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/account/credential", test_account_credential);
  g_test_add_func ("/models/account/shapes", test_account_shapes);
  g_test_add_func ("/models/relationship/members", test_relationship);
  g_test_add_func ("/models/relationship/defaults", test_relationship_defaults);
  g_test_add_func ("/models/status", test_status);
  g_test_add_func ("/models/tag-and-list", test_tag_and_list);
  g_test_add_func ("/models/filter", test_filter);
  g_test_add_func ("/models/page", test_page);
  g_test_add_func ("/models/account/profile", test_account_profile);
  g_test_add_func ("/models/status/archive", test_status_archive);
  g_test_add_func ("/models/actor", test_actor);
  return g_test_run ();
}
