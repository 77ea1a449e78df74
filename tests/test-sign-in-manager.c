/* test-sign-in-manager.c: the account manager over accounts signed in against fedisim
 * (the sign-in itself: test-sign-in.c)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <locale.h>
#include <string.h>

#include "ferry-account-manager.h"
#include "ferry-api-error.h"
#include "ferry-test-sign-in-util.h"

static void
refresh (FerryAccountManager *manager)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_account_manager_refresh_async (manager, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ferry_account_manager_refresh_finish (manager, result, NULL));
}

static void
test_manager (Fixture       *f,
              gconstpointer  data)
{
  FedisimServer *old = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  FedisimServer *new = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) alice = NULL;
  g_autoptr(FerryAccount) bob = NULL;
  g_autoptr(GAsyncResult) signed_out = NULL;
  g_autofree char *alice_key = NULL;
  g_autofree char *token = NULL;

  fedisim_server_add_user (old, "alice", "a-pw");
  fedisim_server_add_user (new, "bob", "b-pw");
  alice = sign_in (f, old, FERRY_ROLE_OLD, "alice", "a-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);
  bob = sign_in (f, new, FERRY_ROLE_NEW, "bob", "b-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);

  {
    g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);

    ferry_account_manager_adopt (manager, FERRY_ROLE_OLD, alice, NULL);
    ferry_account_manager_adopt (manager, FERRY_ROLE_NEW, bob, NULL);
  }

  /* Started again: both are found and checked. */
  {
    g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);

    refresh (manager);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_OLD), ==, FERRY_ACCOUNT_SIGNED_IN);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_NEW), ==, FERRY_ACCOUNT_SIGNED_IN);
    g_assert_cmpstr (ferry_account_get_handle (ferry_account_manager_get_account (manager, FERRY_ROLE_NEW))->username,
                     ==, "bob");
    g_assert_true (ferry_account_manager_shares_server (manager, FERRY_ROLE_NEW,
                                                        fedisim_server_get_host (old)));
    /* The context jobs share: the same client and account, made once. */
    g_assert_nonnull (ferry_account_manager_get_context (manager, FERRY_ROLE_NEW));
    g_assert_true (ferry_account_manager_get_context (manager, FERRY_ROLE_NEW) ==
                   ferry_account_manager_get_context (manager, FERRY_ROLE_NEW));
    g_assert_true (ferry_account_context_get_account (
                     ferry_account_manager_get_context (manager, FERRY_ROLE_NEW)) ==
                   ferry_account_manager_get_account (manager, FERRY_ROLE_NEW));
    g_assert_cmpstr (ferry_account_context_get_handle (
                       ferry_account_manager_get_context (manager, FERRY_ROLE_NEW))->username,
                     ==, "bob");
  }

  /* Revoked at the server: shown as signed out with the reason, not as an error. */
  fedisim_server_revoke_tokens (new, "bob");
  {
    g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);

    refresh (manager);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_NEW), ==, FERRY_ACCOUNT_EXPIRED);
    g_assert_null (ferry_account_manager_get_context (manager, FERRY_ROLE_NEW));
    g_assert_nonnull (strstr (ferry_account_manager_get_problem (manager, FERRY_ROLE_NEW), "revoked"));
  }

  /* Moved: Mastodon refuses the token; the public lookup shows where it went. */
  {
    g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);
    g_autofree char *target = g_strdup_printf ("bob@%s", fedisim_server_get_host (new));
    const char *fields[] = { "form_redirect[acct]", target, "form_redirect[current_password]", "a-pw", NULL };
    g_autofree char *redirect_page = g_strdup_printf ("%s/settings/migration/redirect/new",
                                                      fedisim_server_get_base_url (old));
    g_autofree char *page = NULL;

    fedisim_browser_clear_cookies (f->browser);
    page = fedisim_browser_submit_settings (f->browser, redirect_page, "alice", "a-pw", fields, &error);
    g_assert_no_error (error);
    refresh (manager);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_OLD), ==, FERRY_ACCOUNT_LOGIN_DISABLED);
    g_assert_nonnull (ferry_account_manager_get_account (manager, FERRY_ROLE_OLD));
    g_assert_nonnull (ferry_account_get_moved_to (ferry_account_manager_get_account (manager, FERRY_ROLE_OLD)));
    g_assert_true (g_str_has_prefix (ferry_account_get_moved_to (ferry_account_manager_get_account (manager, FERRY_ROLE_OLD)),
                                     "@bob@"));

    /* Signing out revokes the token at the server and clears the keyring. */
    alice_key = g_strdup_printf ("alice@%s", fedisim_server_get_host (old));
    token = stored_token (f, alice_key);
    g_assert_nonnull (token);
    ferry_account_manager_sign_out_async (manager, FERRY_ROLE_OLD, NULL, got_result, &signed_out);
    while (signed_out == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (ferry_account_manager_sign_out_finish (manager, signed_out, &error));
    g_assert_no_error (error);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_OLD), ==, FERRY_ACCOUNT_SIGNED_OUT);
    g_assert_null (stored_token (f, alice_key));
    {
      g_autofree char *stored = g_settings_get_string (settings, "old-account");
      g_autofree char *url = g_strconcat (fedisim_server_get_base_url (old), "/api/v1/accounts/lookup?acct=alice", NULL);
      guint status;

      g_assert_cmpstr (stored, ==, "");
      g_bytes_unref (fedisim_browser_request (f->browser, "GET", url, token, NULL, NULL, &status, NULL, NULL));
      g_assert_cmpuint (status, ==, 401);
    }
  }
}

/* #24: a server that takes the connection and never answers: the check ends at its deadline
 * (here 1 s), "not answering", and the account stays signed in (its token kept). */
static void
test_manager_frozen_server (Fixture       *f,
                            gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) bob = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  gint64 start;

  fedisim_server_add_user (server, "bob", "bob-pw");
  bob = sign_in (f, server, FERRY_ROLE_NEW, "bob", "bob-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);
  ferry_account_manager_adopt (manager, FERRY_ROLE_NEW, bob, NULL);
  g_assert_true (ferry_account_manager_check_saved (manager, FERRY_ROLE_NEW, &error));

  fedisim_server_add_fault (server, "GET /api/v1/accounts/verify_credentials", FEDISIM_FAULT_LATENCY,
                            600000, 0);
  ferry_account_manager_set_answer_timeout (manager, 1);
  start = g_get_monotonic_time ();
  ferry_account_manager_refresh_async (manager, NULL, got_result, &result);
  await_result (&result, 10);
  g_assert_true (ferry_account_manager_refresh_finish (manager, result, NULL));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_NEW), ==, FERRY_ACCOUNT_UNREACHABLE);
  g_assert_nonnull (strstr (ferry_account_manager_get_problem (manager, FERRY_ROLE_NEW), "not answering"));
  g_assert_null (strstr (ferry_account_manager_get_problem (manager, FERRY_ROLE_NEW), "sign in"));
  /* What must not happen: the token dropped, or the request sent again and again. */
  key = g_strdup_printf ("bob@%s", fedisim_server_get_host (server));
  token = stored_token (f, key);
  g_assert_nonnull (token);
  g_assert_cmpuint (fedisim_server_request_count (server, "GET /api/v1/accounts/verify_credentials"), <=, 2);
  fedisim_server_clear_faults (server);
}

/* #19: settings that do not keep what is written are found out at once, and said. */
static void
test_manager_settings_not_kept (Fixture       *f,
                                gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(GSettingsBackend) backend = g_null_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) alice = NULL;

  fedisim_server_add_user (server, "alice", "alice-pw");
  alice = sign_in (f, server, FERRY_ROLE_OLD, "alice", "alice-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);
  ferry_account_manager_adopt (manager, FERRY_ROLE_OLD, alice, NULL);
  g_assert_false (ferry_account_manager_check_saved (manager, FERRY_ROLE_OLD, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "could not save"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/sign-in/manager", test_manager);
  ADD ("/sign-in/manager-frozen-server", test_manager_frozen_server);
  ADD ("/sign-in/manager-settings-not-kept", test_manager_settings_not_kept);
#undef ADD

  return g_test_run ();
}
