/* test-fedisim-move.c: fedisim's moves: the Mastodon web pages and the GoToSocial and Akkoma
 * APIs, federated to followers' servers, with the cooldowns and the replay rule
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-fedisim-common.h"

/* Moves */

typedef struct
{
  FedisimServer *old_server;
  FedisimServer *new_server;
  FedisimServer *mastodon_peer;
  FedisimServer *gts_peer;
  FedisimServer *legacy_peer;
} MoveWorld;

static MoveWorld
move_world (Fixture        *f,
            FedisimFlavour  old_flavour,
            FedisimFlavour  new_flavour)
{
  MoveWorld w;
  g_autoptr(GError) error = NULL;

  w.old_server = add_server (f, old_flavour, NULL);
  w.new_server = add_server (f, new_flavour, NULL);
  w.mastodon_peer = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  w.gts_peer = add_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL);
  w.legacy_peer = add_server (f, FEDISIM_FLAVOUR_LEGACY, NULL);
  fedisim_server_add_user (w.old_server, "alice", "old-pw");
  fedisim_server_add_user (w.new_server, "alice2", "new-pw");
  fedisim_server_add_user (w.mastodon_peer, "m1", NULL);
  fedisim_server_add_user (w.gts_peer, "g1", NULL);
  fedisim_server_add_user (w.legacy_peer, "l1", NULL);
  {
    g_autofree char *alice = g_strdup_printf ("alice@%s", fedisim_server_get_host (w.old_server));

    g_assert_true (fedisim_server_seed_follow (w.mastodon_peer, "m1", alice, &error));
    g_assert_true (fedisim_server_seed_follow (w.gts_peer, "g1", alice, &error));
    g_assert_true (fedisim_server_seed_follow (w.legacy_peer, "l1", alice, &error));
  }
  return w;
}

static void
test_move_mastodon_web (Fixture       *f,
                        gconstpointer  data)
{
  MoveWorld w = move_world (f, FEDISIM_FLAVOUR_MASTODON, FEDISIM_FLAVOUR_MASTODON);
  g_autofree char *old_token = fedisim_server_issue_token (w.old_server, "alice", "read write follow");
  g_autofree char *new_handle = g_strdup_printf ("alice2@%s", fedisim_server_get_host (w.new_server));
  g_autofree char *old_handle = g_strdup_printf ("alice@%s", fedisim_server_get_host (w.old_server));
  g_autofree char *migration = g_strdup_printf ("%s/settings/migration",
                                                fedisim_server_get_base_url (w.old_server));
  g_autofree char *aliases = g_strdup_printf ("%s/settings/aliases",
                                              fedisim_server_get_base_url (w.new_server));
  const char *move_fields[] = { "account_migration[acct]", new_handle,
                                "account_migration[current_password]", "old-pw", NULL };
  const char *wrong_password[] = { "account_migration[acct]", new_handle,
                                   "account_migration[current_password]", "nope", NULL };
  const char *alias_fields[] = { "account_alias[acct]", old_handle, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) public_list = NULL;
  g_autofree char *page = NULL;
  g_autofree char *path = NULL;
  guint status;

  /* The wrong order, the mistake people make: move before the alias. */
  page = fedisim_browser_submit_settings (f->browser, migration, "alice", "old-pw", move_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "is not an alias of this account"));
  g_clear_pointer (&page, g_free);

  page = fedisim_browser_submit_settings (f->browser, migration, NULL, NULL, wrong_password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "Current password is invalid"));
  g_clear_pointer (&page, g_free);

  /* Alias on the new account, in a second browser session. */
  fedisim_browser_clear_cookies (f->browser);
  page = fedisim_browser_submit_settings (f->browser, aliases, "alice2", "new-pw", alias_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "/users/alice"));
  g_clear_pointer (&page, g_free);

  fedisim_browser_clear_cookies (f->browser);
  page = fedisim_browser_submit_settings (f->browser, migration, "alice", "old-pw", move_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "currently being redirected"));
  g_clear_pointer (&page, g_free);

  fedisim_world_run_until_idle (f->world);

  /* Followers on servers that honour Move follow the new account; legacy ones stay. */
  dump = fedisim_server_dump_account (w.new_server, "alice2");
  g_assert_cmpuint (json_array_len (dump, "followers"), ==, 2);
  g_assert_true (dump_has (dump, "followers", "m1@"));
  g_assert_true (dump_has (dump, "followers", "g1@"));
  json_node_unref (dump);
  dump = fedisim_server_dump_account (w.old_server, "alice");
  g_assert_cmpuint (json_array_len (dump, "followers"), ==, 1);
  g_assert_true (dump_has (dump, "followers", "l1@"));
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (dump), "moved_to"));

  /* The old token: require_user! endpoints refuse it, public ones still answer. */
  refused = call (f, w.old_server, "GET", "/api/v1/blocks", old_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (member (refused, "error"), ==, "Your login is currently disabled");
  g_clear_pointer (&refused, json_node_unref);
  refused = call (f, w.old_server, "GET", "/api/v1/accounts/verify_credentials", old_token, NULL,
                  &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  path = g_strdup_printf ("/api/v1/accounts/lookup?acct=alice");
  public_list = call (f, w.old_server, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_object_has_member (json_node_get_object (public_list), "moved"));

  /* Cancel the redirect, then try again: 30-day cooldown. */
  {
    const char *again[] = { "account_migration[acct]", new_handle,
                            "account_migration[current_password]", "old-pw", NULL };
    const char *cancel[] = { "_method", "delete", NULL };

    page = fedisim_browser_submit_settings (f->browser, migration, NULL, NULL, cancel, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (page, "not currently being redirected"));
    g_clear_pointer (&page, g_free);
    page = fedisim_browser_submit_settings (f->browser, migration, NULL, NULL, again, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (page, "You are on cooldown"));
    g_clear_pointer (&page, g_free);

    fedisim_world_advance (f->world, 31 * 24 * 3600);
    page = fedisim_browser_submit_settings (f->browser, migration, NULL, NULL, again, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (page, "currently being redirected"));
  }
}

static void
test_move_locked_target_and_replay (Fixture       *f,
                                    gconstpointer  data)
{
  MoveWorld w = move_world (f, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_MASTODON);
  g_autofree char *new_token = fedisim_server_issue_token (w.new_server, "alice2", "read write");
  g_autofree char *old_token = fedisim_server_issue_token (w.old_server, "alice", "read write");
  g_autofree char *move_form = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  /* The new account is locked: migrated followers become follow requests. */
  drop (call (f, w.new_server, "PATCH", "/api/v1/accounts/update_credentials", new_token,
                         "locked=true", &status, NULL));
  g_assert_cmpuint (status, ==, 200);

  /* A Mastodon new account: its alias through the web form (set directly here). */
  {
    g_autofree char *aliases = g_strdup_printf ("%s/settings/aliases",
                                                fedisim_server_get_base_url (w.new_server));
    g_autofree char *old_handle = g_strdup_printf ("alice@%s", fedisim_server_get_host (w.old_server));
    const char *fields[] = { "account_alias[acct]", old_handle, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *page = fedisim_browser_submit_settings (f->browser, aliases, "alice2", "new-pw",
                                                             fields, &error);
    g_assert_no_error (error);
  }

  /* GoToSocial's move API: password and the target's URI; 202. */
  move_form = g_strdup_printf ("password=old-pw&moved_to_uri=%s/users/alice2",
                               fedisim_server_get_base_url (w.new_server));
  node = call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, "password=wrong&moved_to_uri=x",
               &status, NULL);
  g_assert_cmpuint (status, ==, 400);   /* gotosocial processing/account/move.go: BadRequest */
  g_assert_nonnull (strstr (member (node, "error"), "invalid password"));
  g_clear_pointer (&node, json_node_unref);
  node = call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move_form, &status, NULL);
  g_assert_cmpuint (status, ==, 202);
  g_clear_pointer (&node, json_node_unref);
  fedisim_world_run_until_idle (f->world);

  dump = fedisim_server_dump_account (w.new_server, "alice2");
  g_assert_cmpuint (json_array_len (dump, "followers"), ==, 0);
  g_assert_cmpuint (json_array_len (dump, "follow_requests"), ==, 2);
  g_clear_pointer (&dump, json_node_unref);

  /* Five minutes between attempts on GoToSocial. */
  node = call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move_form, &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  g_assert_nonnull (strstr (member (node, "error"), "5 minutes"));
}

static void
test_move_akkoma_api (Fixture       *f,
                      gconstpointer  data)
{
  MoveWorld w = move_world (f, FEDISIM_FLAVOUR_AKKOMA, FEDISIM_FLAVOUR_GOTOSOCIAL);
  g_autofree char *old_token = fedisim_server_issue_token (w.old_server, "alice", "read write");
  g_autofree char *new_token = fedisim_server_issue_token (w.new_server, "alice2", "read write");
  g_autofree char *target = g_strdup_printf ("password=old-pw&target_account=alice2@%s",
                                             fedisim_server_get_host (w.new_server));
  g_autofree char *alias = g_strdup_printf ("also_known_as_uris=%s/users/alice",
                                            fedisim_server_get_base_url (w.old_server));
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) dump = NULL;
  guint status;

  /* Errors with HTTP 200. */
  node = call (f, w.old_server, "POST", "/api/pleroma/move_account", old_token, target, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (node, "error"), ==, "Target account must have the origin in `alsoKnownAs`");
  g_clear_pointer (&node, json_node_unref);

  /* GoToSocial's alias API on the new account. */
  me = call (f, w.new_server, "POST", "/api/v1/accounts/alias", new_token, alias, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (me), "source"), "also_known_as_uris")), ==, 1);

  node = call (f, w.old_server, "POST", "/api/pleroma/move_account", old_token, target, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (node, "status"), ==, "success");
  fedisim_world_run_until_idle (f->world);

  dump = fedisim_server_dump_account (w.new_server, "alice2");
  g_assert_cmpuint (json_array_len (dump, "followers"), ==, 2);
}

static void
test_move_replay_ignored (Fixture       *f,
                          gconstpointer  data)
{
  MoveWorld w = move_world (f, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_GOTOSOCIAL);
  g_autofree char *old_token = fedisim_server_issue_token (w.old_server, "alice", "read write");
  g_autofree char *new_token = fedisim_server_issue_token (w.new_server, "alice2", "read write");
  g_autofree char *alias = g_strdup_printf ("also_known_as_uris=%s/users/alice",
                                            fedisim_server_get_base_url (w.old_server));
  g_autofree char *move = g_strdup_printf ("password=old-pw&moved_to_uri=%s/users/alice2",
                                           fedisim_server_get_base_url (w.new_server));
  g_autofree char *alice = g_strdup_printf ("alice@%s", fedisim_server_get_host (w.old_server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  guint status;

  drop (call (f, w.new_server, "POST", "/api/v1/accounts/alias", new_token, alias, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  drop (call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move, &status, NULL));
  g_assert_cmpuint (status, ==, 202);
  fedisim_world_run_until_idle (f->world);

  /* m1 follows the old account again; the Move is re-sent (allowed on GoToSocial). */
  g_assert_true (fedisim_server_seed_follow (w.mastodon_peer, "m1", alice, &error));
  fedisim_world_advance (f->world, 10 * 60);
  drop (call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move, &status, NULL));
  g_assert_cmpuint (status, ==, 202);
  fedisim_world_run_until_idle (f->world);
  dump = fedisim_server_dump_account (w.old_server, "alice");
  /* Within 7 days the follower's server ignores it: m1 stays (with the legacy follower). */
  g_assert_true (dump_has (dump, "followers", "m1@"));
  g_clear_pointer (&dump, json_node_unref);

  fedisim_world_advance (f->world, 8 * 24 * 3600);
  drop (call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move, &status, NULL));
  g_assert_cmpuint (status, ==, 202);
  fedisim_world_run_until_idle (f->world);
  dump = fedisim_server_dump_account (w.old_server, "alice");
  g_assert_false (dump_has (dump, "followers", "m1@"));
  g_assert_true (dump_has (dump, "followers", "l1@"));
}

/* GoToSocial's alias binds the bare, repeated also_known_as_uris (api/model/account.go);
 * with brackets the list arrives empty, the answer is 200 and every alias is gone
 * (processing/account/alias.go). A moved account's token: the lookup refuses it (403,
 * api/util/errorhandling.go NotFoundAfterMove), as it refuses no token (401);
 * verify_credentials and the alias still answer. A move to an account that has itself
 * moved is refused (processing/account/move.go moveTargetMoved). */
static void
test_move_gts_rules (Fixture       *f,
                     gconstpointer  data)
{
  MoveWorld w = move_world (f, FEDISIM_FLAVOUR_GOTOSOCIAL, FEDISIM_FLAVOUR_GOTOSOCIAL);
  g_autofree char *old_token = fedisim_server_issue_token (w.old_server, "alice", "read write");
  g_autofree char *new_token = fedisim_server_issue_token (w.new_server, "alice2", "read write");
  g_autofree char *two = g_strdup_printf ("also_known_as_uris=%s/users/alice&also_known_as_uris=%s/users/g1",
                                          fedisim_server_get_base_url (w.old_server),
                                          fedisim_server_get_base_url (w.gts_peer));
  g_autofree char *brackets = g_strdup_printf ("also_known_as_uris[]=%s/users/alice",
                                               fedisim_server_get_base_url (w.old_server));
  g_autofree char *one = g_strdup_printf ("also_known_as_uris=%s/users/alice",
                                          fedisim_server_get_base_url (w.old_server));
  g_autofree char *move = g_strdup_printf ("password=old-pw&moved_to_uri=%s/users/alice2",
                                           fedisim_server_get_base_url (w.new_server));
  g_autofree char *back = g_strdup_printf ("password=new-pw&moved_to_uri=%s/users/alice",
                                           fedisim_server_get_base_url (w.old_server));
  g_autofree char *old_alias = g_strdup_printf ("also_known_as_uris=%s/users/alice2",
                                                fedisim_server_get_base_url (w.new_server));
  g_autoptr(JsonNode) me = NULL;
  JsonObject *source;
  guint status;

  me = call (f, w.new_server, "POST", "/api/v1/accounts/alias", new_token, two, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  source = json_object_get_object_member (json_node_get_object (me), "source");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "also_known_as_uris")), ==, 2);
  g_clear_pointer (&me, json_node_unref);

  me = call (f, w.new_server, "POST", "/api/v1/accounts/alias", new_token, brackets, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  source = json_object_get_object_member (json_node_get_object (me), "source");
  g_assert_true (!json_object_has_member (source, "also_known_as_uris") ||
                 json_array_get_length (json_object_get_array_member (source, "also_known_as_uris")) == 0);
  g_clear_pointer (&me, json_node_unref);

  drop (call (f, w.new_server, "POST", "/api/v1/accounts/alias", new_token, one, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  drop (call (f, w.old_server, "POST", "/api/v1/accounts/move", old_token, move, &status, NULL));
  g_assert_cmpuint (status, ==, 202);
  fedisim_world_run_until_idle (f->world);

  me = call (f, w.old_server, "GET", "/api/v1/accounts/lookup?acct=alice", old_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (member (me, "error"), ==,
                   "your account has Moved or is currently Moving; you cannot use this endpoint");
  g_clear_pointer (&me, json_node_unref);
  drop (call (f, w.old_server, "GET", "/api/v1/accounts/lookup?acct=alice", NULL, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 401);
  me = call (f, w.old_server, "GET", "/api/v1/accounts/verify_credentials", old_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_object_has_member (json_node_get_object (me), "moved"));
  g_clear_pointer (&me, json_node_unref);
  drop (call (f, w.old_server, "POST", "/api/v1/accounts/alias", old_token, old_alias, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  me = call (f, w.old_server, "POST", "/api/v1/follow_requests/1/authorize", old_token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_nonnull (strstr (member (me, "error"), "you cannot take create or update type actions"));
  g_clear_pointer (&me, json_node_unref);

  /* Back to the account that moved: refused, and no API undoes the redirect. */
  fedisim_world_advance (f->world, 8 * 24 * 3600);
  me = call (f, w.new_server, "POST", "/api/v1/accounts/move", new_token, back, &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  g_assert_nonnull (strstr (member (me, "error"), "has already Moved somewhere else"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fedisim/move/mastodon-web", test_move_mastodon_web);
  ADD ("/fedisim/move/locked-target", test_move_locked_target_and_replay);
  ADD ("/fedisim/move/akkoma-api", test_move_akkoma_api);
  ADD ("/fedisim/move/replay-ignored", test_move_replay_ignored);
  ADD ("/fedisim/move/gts-rules", test_move_gts_rules);
#undef ADD

  return g_test_run ();
}
