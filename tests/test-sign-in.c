/* test-sign-in.c: the whole sign-in against fedisim, with its scripted browser in the
 * person's place
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

#include "fedisim.h"
#include "fedisim-browser.h"
#include "ferry-account-manager.h"
#include "ferry-api-error.h"
#include "ferry-memory-store.h"
#include "ferry-sign-in.h"
#include "ferry-tls-database.h"

typedef struct
{
  FedisimWorld     *world;
  FedisimBrowser   *browser;
  FerrySecretStore *store;
  GTlsDatabase     *trust;
  const char       *username;
  const char       *password;
  gboolean          forge_first;
  FerrySignIn      *pasting;
  char             *forged_page;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->browser = fedisim_browser_new (f->world);
  f->store = ferry_memory_store_new ();
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->trust);
  fedisim_browser_free (f->browser);
  fedisim_world_free (f->world);
  g_free (f->forged_page);
}

typedef struct
{
  Fixture *f;
  char    *url;
} Visit;

/* What a person does in the browser: sign in, press Authorize; the browser then follows
 * the redirect to Ferry's loopback listener (or the person copies the code). */
static gboolean
browse_cb (gpointer user_data)
{
  Visit *visit = user_data;
  Fixture *f = visit->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = fedisim_browser_authorize (f->browser, visit->url, f->username,
                                                       f->password, &error);

  g_assert_no_error (error);
  if (f->pasting != NULL)
    ferry_sign_in_submit_code (f->pasting, result);
  else
    {
      guint status;
      g_autofree char *page = NULL;

      if (f->forge_first)
        {
          /* Another page sends the browser to the listener with a state of its own. */
          g_autofree char *forged = g_strdup (result);
          char *state = strstr (forged, "state=");

          g_assert_nonnull (state);
          state[6] = state[6] == 'X' ? 'Y' : 'X';
          f->forged_page = fedisim_browser_visit (f->browser, forged, &status, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (status, ==, 400);
        }
      page = fedisim_browser_visit (f->browser, result, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      g_assert_nonnull (strstr (page, "You can close this tab"));
    }
  g_free (visit->url);
  g_free (visit);
  return G_SOURCE_REMOVE;
}

static gboolean
on_open_uri (FerrySignIn *sign_in,
             const char  *url,
             Fixture     *f)
{
  Visit *visit = g_new0 (Visit, 1);

  visit->f = f;
  visit->url = g_strdup (url);
  g_idle_add (browse_cb, visit);
  return TRUE;
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static FerryAccount *
sign_in (Fixture       *f,
         FedisimServer *server,
         FerryRole      role,
         const char    *username,
         const char    *password,
         gboolean       paste,
         gboolean       force_login,
         GError       **error)
{
  g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (server), role, f->store, f->trust);
  g_autoptr(GAsyncResult) result = NULL;

  f->username = username;
  f->password = password;
  f->pasting = paste ? job : NULL;
  ferry_sign_in_set_paste_code (job, paste);
  ferry_sign_in_set_force_login (job, force_login);
  g_signal_connect (job, "open-uri", G_CALLBACK (on_open_uri), f);
  ferry_sign_in_run_async (job, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  f->pasting = NULL;
  return ferry_sign_in_run_finish (job, result, error);
}

static char *
stored_token (Fixture    *f,
              const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_secret_store_lookup_async (f->store, FERRY_SECRET_TOKEN, key, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ferry_secret_store_lookup_finish (f->store, result, NULL);
}

static void
test_pkce_and_reuse (Fixture       *f,
                     gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) alice = NULL;
  g_autoptr(FerryAccount) bob = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;

  fedisim_server_add_user (server, "alice", "alice-pw");
  fedisim_server_add_user (server, "bob", "bob-pw");

  /* A forged redirect first: ignored, and the real one still signs in. */
  f->forge_first = TRUE;
  alice = sign_in (f, server, FERRY_ROLE_OLD, "alice", "alice-pw", FALSE, FALSE, &error);
  f->forge_first = FALSE;
  g_assert_no_error (error);
  g_assert_nonnull (strstr (f->forged_page, "did not come from Ferry"));
  g_assert_cmpstr (ferry_account_get_handle (alice)->username, ==, "alice");
  key = g_strdup_printf ("alice@%s", fedisim_server_get_host (server));
  token = stored_token (f, key);
  g_assert_nonnull (token);

  /* The token works, with the old account's scopes: reading yes, writing no. */
  {
    g_autofree char *url = g_strconcat (fedisim_server_get_base_url (server), "/api/v1/lists", NULL);
    g_autoptr(GBytes) body = g_bytes_new_static ("title=x", 7);
    guint status;

    g_bytes_unref (fedisim_browser_request (f->browser, "GET", url, token, NULL, NULL, &status, NULL, NULL));
    g_assert_cmpuint (status, ==, 200);
    g_bytes_unref (fedisim_browser_request (f->browser, "POST", url, token,
                                            "application/x-www-form-urlencoded", body, &status, NULL, NULL));
    g_assert_cmpuint (status, ==, 403);
  }

  /* A second account on the same server: force_login; the registration is reused. */
  bob = sign_in (f, server, FERRY_ROLE_NEW, "bob", "bob-pw", FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (bob)->username, ==, "bob");
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /api/v1/apps"), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /oauth/token"), ==, 2);
}

static void
test_paste_code_gotosocial (Fixture       *f,
                            gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) carol = NULL;

  fedisim_server_add_user (server, "carol", "carol-pw");
  carol = sign_in (f, server, FERRY_ROLE_NEW, "carol", "carol-pw", TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (carol)->username, ==, "carol");
}

static void
test_wrong_verifier (Fixture       *f,
                     gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);
  g_autoptr(GAsyncResult) probed = NULL;
  g_autoptr(GAsyncResult) registered = NULL;
  g_autoptr(GAsyncResult) exchanged = NULL;
  g_autoptr(FerryServerInfo) info = NULL;
  g_autoptr(FerryOAuthApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verifier = ferry_oauth_random_token ();
  g_autofree char *challenge = ferry_oauth_pkce_challenge (verifier);
  g_autofree char *other = ferry_oauth_random_token ();
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;

  fedisim_server_add_user (server, "dave", "dave-pw");
  ferry_server_info_probe_async (client, NULL, got_result, &probed);
  while (probed == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = ferry_server_info_probe_finish (probed, &error);
  g_assert_no_error (error);
  ferry_oauth_register_async (client, info, NULL, NULL, got_result, &registered);
  while (registered == NULL)
    g_main_context_iteration (NULL, TRUE);
  app = ferry_oauth_register_finish (client, registered, &error);
  g_assert_no_error (error);

  url = ferry_oauth_authorize_url (fedisim_server_get_base_url (server), app, FERRY_OAUTH_OOB,
                                   "read:accounts", "s", challenge, FALSE);
  code = fedisim_browser_authorize (f->browser, url, "dave", "dave-pw", &error);
  g_assert_no_error (error);

  ferry_oauth_exchange_async (client, app, code, FERRY_OAUTH_OOB, other, NULL, got_result, &exchanged);
  while (exchanged == NULL)
    g_main_context_iteration (NULL, TRUE);
  token = ferry_oauth_exchange_finish (client, exchanged, &error);
  g_assert_null (token);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
}

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
  }

  /* Revoked at the server: shown as signed out with the reason, not as an error. */
  fedisim_server_revoke_tokens (new, "bob");
  {
    g_autoptr(FerryAccountManager) manager = ferry_account_manager_new (f->store, settings, f->trust);

    refresh (manager);
    g_assert_cmpint (ferry_account_manager_get_state (manager, FERRY_ROLE_NEW), ==, FERRY_ACCOUNT_EXPIRED);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/sign-in/pkce-and-reuse", test_pkce_and_reuse);
  ADD ("/sign-in/paste-code-gotosocial", test_paste_code_gotosocial);
  ADD ("/sign-in/wrong-verifier", test_wrong_verifier);
  ADD ("/sign-in/manager", test_manager);
#undef ADD

  return g_test_run ();
}
