/* test-models.c: the model parsers of src/api, each from the JSON a server sends
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ferry-account.h"
#include "ferry-api-error.h"
#include "ferry-relationship.h"

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
  return g_test_run ();
}
