/* test-sign-in.c: the whole sign-in against fedisim, with its scripted browser in the
 * person's place (the account manager's part: test-sign-in-manager.c)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-test-sign-in-util.h"

/* An "open-uri" handler for a page nobody visits. */
static gboolean
handled_elsewhere (FerrySignIn *job,
                   const char  *url,
                   gpointer     user_data)
{
  return TRUE;
}

static FerryOAuthApp *
stored_app (Fixture       *f,
            FedisimServer *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;

  ferry_secret_store_lookup_async (f->store, FERRY_SECRET_CLIENT, fedisim_server_get_host (server),
                                   NULL, got_result, &result);
  await_result (&result, 10);
  text = ferry_secret_store_lookup_finish (f->store, result, NULL);
  return ferry_oauth_app_deserialize (text);
}

static void
store_app (Fixture             *f,
           FedisimServer       *server,
           const FerryOAuthApp *app)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = ferry_oauth_app_serialize (app);

  ferry_secret_store_store_async (f->store, FERRY_SECRET_CLIENT, fedisim_server_get_host (server),
                                  "test", text, NULL, got_result, &result);
  await_result (&result, 10);
  g_assert_true (ferry_secret_store_store_finish (f->store, result, NULL));
}

static FerryServerInfo *
probe (Fixture     *f,
       FerryClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FerryServerInfo *info;

  ferry_server_info_probe_async (client, NULL, got_result, &result);
  await_result (&result, 30);
  info = ferry_server_info_probe_finish (result, &error);
  g_assert_no_error (error);
  return info;
}

static FerryOAuthApp *
register_app (FerryClient     *client,
              FerryServerInfo *info,
              const char      *loopback_uri,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_oauth_register_async (client, info, loopback_uri, NULL, got_result, &result);
  await_result (&result, 30);
  return ferry_oauth_register_finish (client, result, error);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
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

/* A sign-in is a job: it finishes, and one cancelled while it waits for a pasted code ends
 * cancelled, with nothing stored. */
static void
on_stage_cancel (FerrySignIn  *job,
                 GParamSpec   *pspec,
                 GCancellable *cancellable)
{
  if (ferry_sign_in_get_stage (job) == FERRY_SIGN_IN_WAITING_FOR_CODE)
    g_cancellable_cancel (cancellable);
}

static void
test_job (Fixture       *f,
          gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_OLD,
                                                  f->store, f->trust);
  g_autoptr(FerrySignIn) waiting = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) alice = NULL;
  g_autoptr(FerryAccount) none = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;

  fedisim_server_add_user (server, "alice", "alice-pw");
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_IDLE);
  alice = sign_in_with (f, job, "alice", "alice-pw", &error);
  g_assert_no_error (error);
  g_assert_nonnull (alice);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (job)), ==, FERRY_JOB_STATE_FINISHED);

  waiting = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_NEW, f->store, f->trust);
  ferry_sign_in_set_paste_code (waiting, TRUE);
  ferry_sign_in_set_force_login (waiting, TRUE);
  g_signal_connect (waiting, "open-uri", G_CALLBACK (handled_elsewhere), NULL);
  g_signal_connect (waiting, "notify::stage", G_CALLBACK (on_stage_cancel), cancellable);
  ferry_sign_in_run_async (waiting, cancellable, got_result, &result);
  await_result (&result, 30);
  none = ferry_sign_in_run_finish (waiting, result, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (waiting)), ==, FERRY_JOB_STATE_CANCELLED);
  g_assert_cmpint (ferry_sign_in_get_stage (waiting), ==, FERRY_SIGN_IN_WAITING_FOR_CODE);
  key = g_strdup_printf ("alice@%s", fedisim_server_get_host (server));
  token = stored_token (f, key);
  g_assert_nonnull (token);
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


/* #13: GoToSocial wants the exact redirect URI (gotosocial internal/oauth/handlers). Ferry
 * registers the listener's own URI there, and the default sign-in works; the second sign-in
 * listens on the same port and keeps the registration. */
static void
test_gotosocial_loopback (Fixture       *f,
                          gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) carol = NULL;
  g_autoptr(FerryAccount) dave = NULL;
  g_autoptr(FerryOAuthApp) app = NULL;
  g_autofree char *sent = NULL;

  fedisim_server_add_user (server, "carol", "carol-pw");
  fedisim_server_add_user (server, "dave", "dave-pw");
  carol = sign_in (f, server, FERRY_ROLE_NEW, "carol", "carol-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (carol)->username, ==, "carol");
  g_assert_nonnull (strstr (f->last_page, "You can close this tab"));

  /* Registered with the very URI sent, port included; no pasted code was needed. */
  app = stored_app (f, server);
  g_assert_nonnull (app);
  g_assert_cmpuint (f->opened->len, ==, 1);
  sent = query_param (g_ptr_array_index (f->opened, 0), "redirect_uri");
  g_assert_cmpstr (app->redirect_uri, ==, sent);
  g_assert_cmpuint (ferry_oauth_app_get_port (app), >, 0);
  /* What must not happen: the code going anywhere but the listener; a second exchange. */
  g_assert_cmpuint (f->sent_to->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->sent_to, 0), sent));
  g_assert_nonnull (strstr (g_ptr_array_index (f->sent_to, 0), "code="));
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /oauth/token"), ==, 1);

  /* Again, for a second account: the same port, the same registration. */
  fedisim_browser_clear_cookies (f->browser);
  dave = sign_in (f, server, FERRY_ROLE_OLD, "dave", "dave-pw", FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (dave)->username, ==, "dave");
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /api/v1/apps"), ==, 1);
}

/* #13: a registration kept from before (the port-less loopback URI, which Mastodon matches on
 * any port) does not fit GoToSocial: Ferry registers afresh instead of sending the person to
 * "server_error". */
static void
test_gotosocial_stale_registration (Fixture       *f,
                                    gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);
  g_autoptr(FerryServerInfo) info = probe (f, client);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryOAuthApp) old = register_app (client, info, NULL, &error);
  g_autoptr(FerryOAuthApp) now = NULL;
  g_autoptr(FerryAccount) carol = NULL;

  g_assert_no_error (error);
  g_assert_null (old->redirect_uri);
  store_app (f, server, old);
  fedisim_server_add_user (server, "carol", "carol-pw");
  carol = sign_in (f, server, FERRY_ROLE_NEW, "carol", "carol-pw", FALSE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /api/v1/apps"), ==, 2);
  now = stored_app (f, server);
  g_assert_cmpstr (now->client_id, !=, old->client_id);
  g_assert_nonnull (now->redirect_uri);
  for (guint i = 0; i < f->sent_to->len; i++)
    g_assert_null (strstr (g_ptr_array_index (f->sent_to, i), "error="));
}

/* #13: when the server refuses to send the browser back (here GoToSocial's server_error for a
 * redirect URI it does not know), the sign-in goes on with the pasted code instead of ending. */
static void
test_fallback_to_code (Fixture       *f,
                       gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);
  g_autoptr(FerryServerInfo) info = probe (f, client);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryOAuthApp) app = register_app (client, info, "http://127.0.0.1:1/callback", &error);
  g_autoptr(FerrySignIn) job = NULL;
  g_autoptr(FerryAccount) carol = NULL;
  g_autofree char *second = NULL;

  /* The keyring says the registration names a port that the server does not know. */
  g_assert_no_error (error);
  g_free (app->redirect_uri);
  app->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/callback", free_port ());
  store_app (f, server, app);
  fedisim_server_add_user (server, "carol", "carol-pw");

  job = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_NEW, f->store, f->trust);
  carol = sign_in_with (f, job, "carol", "carol-pw", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (carol)->username, ==, "carol");

  /* The server's refusal came back through the browser, without a code; Ferry said why it
   * asked for the code instead, and opened the out-of-band page. */
  g_assert_cmpuint (f->sent_to->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->sent_to, 0), "error=server_error"));
  g_assert_null (strstr (g_ptr_array_index (f->sent_to, 0), "code="));
  g_assert_nonnull (strstr (f->last_page, "another way to sign in"));
  g_assert_nonnull (strstr (ferry_sign_in_get_fallback_reason (job), "server_error"));
  g_assert_cmpuint (f->opened->len, ==, 2);
  second = query_param (g_ptr_array_index (f->opened, 1), "redirect_uri");
  g_assert_cmpstr (second, ==, FERRY_OAUTH_OOB);
  g_assert_cmpuint (fedisim_server_request_count (server, "POST /oauth/token"), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (server, "GET /oauth/oob"), ==, 1);
}

/* No wait without end: a browser that never comes back gives the pasted code after the
 * listener's deadline (here 1 s), not an endless wait. */
static void
test_browser_never_returns (Fixture       *f,
                            gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_OLD,
                                                  f->store, f->trust);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) alice = NULL;
  gint64 start = g_get_monotonic_time ();

  fedisim_server_add_user (server, "alice", "alice-pw");
  ferry_sign_in_set_browser_timeout (job, 1);
  f->ignore_first = TRUE;
  alice = sign_in_with (f, job, "alice", "alice-pw", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->opened->len, ==, 2);
  g_assert_nonnull (strstr (ferry_sign_in_get_fallback_reason (job), "did not come back"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (f->sent_to->len, ==, 0);
}

/* snac shows "CODE&state=STATE" on its out-of-band page (snac2 mastoapi.c): pasted as it is,
 * it signs in; a pasted code from another sign-in (another state) is refused. */
static void
test_pasted_forms (Fixture       *f,
                   gconstpointer  data)
{
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_LEGACY, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccount) erin = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;

  fedisim_server_add_user (server, "erin", "erin-pw");
  erin = sign_in (f, server, FERRY_ROLE_OLD, "erin", "erin-pw", TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ferry_account_get_handle (erin)->username, ==, "erin");

  code = ferry_oauth_parse_pasted_code ("  abc123&state=s1 \n", &state, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "abc123");
  g_assert_cmpstr (state, ==, "s1");
  g_clear_pointer (&code, g_free);
  g_clear_pointer (&state, g_free);
  code = ferry_oauth_parse_pasted_code ("http://127.0.0.1:4711/callback?code=xyz&state=s2", &state, &error);
  g_assert_cmpstr (code, ==, "xyz");
  g_assert_cmpstr (state, ==, "s2");
  g_clear_pointer (&code, g_free);
  g_assert_null (ferry_oauth_parse_pasted_code ("two words", NULL, &error));
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
  g_clear_error (&error);

  /* Another sign-in's code: refused before anything goes to the server. */
  {
    g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_OLD,
                                                    f->store, f->trust);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(FerryAccount) none = NULL;
    guint exchanges = fedisim_server_request_count (server, "POST /oauth/token");

    ferry_sign_in_set_paste_code (job, TRUE);
    g_signal_connect (job, "open-uri", G_CALLBACK (handled_elsewhere), NULL);
    ferry_sign_in_run_async (job, NULL, got_result, &result);
    while (ferry_sign_in_get_stage (job) != FERRY_SIGN_IN_WAITING_FOR_CODE && result == NULL)
      g_main_context_iteration (NULL, TRUE);
    ferry_sign_in_submit_code (job, "abc123&state=not-this-one");
    await_result (&result, 10);
    none = ferry_sign_in_run_finish (job, result, &error);
    g_assert_null (none);
    g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID);
    g_assert_cmpuint (fedisim_server_request_count (server, "POST /oauth/token"), ==, exchanges);
  }
}

/* #9: a registration answer whose client_id is not a string fails with a plain message, not a
 * Json-CRITICAL (fatal here: G_DEBUG=fatal-warnings) and a sign-in that never ends. */
static void
test_registration_wrong_types (Fixture       *f,
                               gconstpointer  data)
{
  static const char *bodies[] = {
    "{\"client_id\": 12345, \"client_secret\": \"s\"}",
    "{\"client_id\": \"id\", \"client_secret\": null}",
    "{\"client_id\": {\"x\": 1}, \"client_secret\": [\"s\"]}",
    "{\"client_id\": \"\", \"client_secret\": \"s\"}",
    "[\"client_id\"]",
  };
  FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  g_autoptr(FerryClient) real = ferry_client_new (fedisim_server_get_base_url (server), f->trust);
  g_autoptr(FerryServerInfo) info = probe (f, real);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server),
                                                        f->trust);
      g_autoptr(FerryOAuthApp) app = NULL;

      fedisim_server_add_hostile (server, "/api/v1/apps", FEDISIM_HOSTILE_BODY, 0, bodies[i], 1);
      app = register_app (client, info, NULL, &error);
      g_assert_null (app);
      g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (error->message, "did not register Ferry properly"));
      g_clear_error (&error);
      /* A kept registration with such fields is no registration either. */
      g_assert_null (ferry_oauth_app_deserialize (bodies[i]));
    }
  /* Each wrong answer was asked for once: none was sent again. */
  g_assert_cmpuint (fedisim_server_hostile_count (server, "/api/v1/apps"), ==,
                    G_N_ELEMENTS (bodies));
}

/* A port that speaks plain HTTP: whatever comes in gets 400, as Go's net/http (GoToSocial's)
 * answers bytes that are not a request. */
static void
plain_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GSocketConnection) connection = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  static const char reply[] = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                              "Connection: close\r\n\r\n400 Bad Request";
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n > 0)
    g_output_stream_write_all (out, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

static gboolean
plain_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           user_data)
{
  static char buffer[4096];

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer,
                             sizeof buffer, G_PRIORITY_DEFAULT, NULL, plain_read_cb,
                             g_object_ref (connection));
  return TRUE;
}

/* #24: a port that answers plain http is not "a certificate that is not trusted". */
static void
test_plain_http_port (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerrySignIn) job = NULL;
  g_autoptr(FerryAccount) none = NULL;
  g_autofree char *host = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (plain_incoming_cb), NULL);
  host = g_strdup_printf ("127.0.0.1:%u", port);
  job = ferry_sign_in_new (host, FERRY_ROLE_OLD, f->store, f->trust);
  none = sign_in_with (f, job, "alice", "alice-pw", &error);
  g_assert_null (none);
  g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_TLS);
  g_assert_null (strstr (error->message, "certificate"));
  g_assert_nonnull (strstr (error->message, "https"));
  g_assert_cmpuint (f->opened->len, ==, 0);
  g_socket_service_stop (service);

  /* A certificate that is not trusted is still said to be one. */
  {
    FedisimServer *server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
    g_autoptr(GTlsDatabase) system = g_tls_backend_get_default_database (g_tls_backend_get_default ());
    g_autoptr(FerrySignIn) untrusted = ferry_sign_in_new (fedisim_server_get_host (server), FERRY_ROLE_OLD,
                                                          f->store, system);
    g_autoptr(FerryAccount) nobody = NULL;

    g_clear_error (&error);
    nobody = sign_in_with (f, untrusted, "alice", "alice-pw", &error);
    g_assert_null (nobody);
    g_assert_error (error, FERRY_API_ERROR, FERRY_API_ERROR_TLS);
    g_assert_nonnull (strstr (error->message, "certificate"));
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
  ADD ("/sign-in/job", test_job);
  ADD ("/sign-in/paste-code-gotosocial", test_paste_code_gotosocial);
  ADD ("/sign-in/wrong-verifier", test_wrong_verifier);
  ADD ("/sign-in/gotosocial-loopback", test_gotosocial_loopback);
  ADD ("/sign-in/gotosocial-stale-registration", test_gotosocial_stale_registration);
  ADD ("/sign-in/fallback-to-code", test_fallback_to_code);
  ADD ("/sign-in/browser-never-returns", test_browser_never_returns);
  ADD ("/sign-in/pasted-forms", test_pasted_forms);
  ADD ("/sign-in/registration-wrong-types", test_registration_wrong_types);
  ADD ("/sign-in/plain-http-port", test_plain_http_port);
#undef ADD

  return g_test_run ();
}
