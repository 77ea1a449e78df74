/* ferry-oauth.c: OAuth for a native app (RFC 8252): registration, PKCE, the authorization
 * URL, the code exchange, revocation (api-facts §1)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-oauth"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "ferry-api-error.h"
#include "ferry-oauth.h"

/* The least each access needs (api-facts §1.5): reading for a backup, writing for a transfer.
 * Where the server moves accounts through its API, moving away also needs write:accounts
 * (the move itself); GoToSocial's import wants the whole "write". */
#define OLD_SCOPES "read:accounts read:follows read:blocks read:mutes read:lists read:bookmarks " \
                   "read:filters read:statuses read:favourites"
#define NEW_SCOPES "read:accounts read:follows read:search read:lists read:blocks read:mutes " \
                   "read:bookmarks read:filters write:accounts write:follows write:blocks " \
                   "write:mutes write:lists write:bookmarks write:filters"

void
ferry_oauth_app_free (FerryOAuthApp *app)
{
  if (app == NULL)
    return;
  g_free (app->client_id);
  g_free (app->client_secret);
  g_free (app->scopes);
  g_free (app->redirect_uri);
  g_free (app);
}

/* A member that must be a non-empty string: anything else (a number, null, an object) is
 * NULL, never a critical from json-glib. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node)[0] != '\0' ? json_node_get_string (node) : NULL;
}

char *
ferry_oauth_app_serialize (const FerryOAuthApp *app)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, app->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, app->client_secret);
  json_builder_set_member_name (builder, "scopes");
  json_builder_add_string_value (builder, app->scopes);
  if (app->redirect_uri != NULL)
    {
      json_builder_set_member_name (builder, "redirect_uri");
      json_builder_add_string_value (builder, app->redirect_uri);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

FerryOAuthApp *
ferry_oauth_app_deserialize (const char *text)
{
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;
  JsonObject *object;
  FerryOAuthApp *app;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (string_member (object, "client_id") == NULL
      || string_member (object, "client_secret") == NULL)
    return NULL;
  app = g_new0 (FerryOAuthApp, 1);
  app->client_id = g_strdup (string_member (object, "client_id"));
  app->client_secret = g_strdup (string_member (object, "client_secret"));
  app->scopes = g_strdup (string_member (object, "scopes") ? string_member (object, "scopes") : "");
  app->redirect_uri = g_strdup (string_member (object, "redirect_uri"));
  return app;
}

/* Each scope once, in the order asked for. */
static void
add_scopes (GPtrArray  *unique,
            const char *scopes)
{
  g_auto(GStrv) all = g_strsplit (scopes, " ", -1);

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] && !g_ptr_array_find_with_equal_func (unique, all[i], g_str_equal, NULL))
      g_ptr_array_add (unique, g_strdup (all[i]));
}

char *
ferry_oauth_scopes_for (FerryServerInfo  *info,
                        FerryOAuthAccess  access)
{
  FerryMigrationKind kind = ferry_server_info_get_migration_kind (info);
  gboolean api_move = kind == FERRY_MIGRATION_GOTOSOCIAL_API || kind == FERRY_MIGRATION_AKKOMA_API;
  g_autoptr(GPtrArray) unique = g_ptr_array_new_with_free_func (g_free);

  if (access & FERRY_OAUTH_READ)
    add_scopes (unique, OLD_SCOPES);
  if ((access & FERRY_OAUTH_MOVE_AWAY) && api_move)
    add_scopes (unique, "write:accounts");
  /* mastodon: app/controllers/api/v1/admin/accounts_controller.rb doorkeeper_authorize!
   * 'admin:read', 'admin:read:accounts'; gotosocial: internal/api/client/admin (the same
   * scope). Never in the individual journey's sign-in. */
  if (access & FERRY_OAUTH_ADMIN_READ)
    add_scopes (unique, "admin:read:accounts");
  if (access & FERRY_OAUTH_WRITE)
    {
      add_scopes (unique, NEW_SCOPES);
      if (ferry_server_info_has_import_api (info) && kind == FERRY_MIGRATION_GOTOSOCIAL_API)
        add_scopes (unique, "read write");
    }
  g_ptr_array_add (unique, NULL);
  return g_strjoinv (" ", (char **) unique->pdata);
}

/* What the registration asks for: everything either account may ask on this server. */
char *
ferry_oauth_app_scopes_for (FerryServerInfo *info)
{
  return ferry_oauth_scopes_for (info, FERRY_OAUTH_READ | FERRY_OAUTH_MOVE_AWAY |
                                       FERRY_OAUTH_WRITE);
}

char *
ferry_oauth_app_scopes_with (FerryServerInfo  *info,
                             FerryOAuthAccess  extra)
{
  return ferry_oauth_scopes_for (info, FERRY_OAUTH_READ | FERRY_OAUTH_MOVE_AWAY |
                                       FERRY_OAUTH_WRITE | extra);
}

gboolean
ferry_oauth_scopes_cover (const char *registered,
                          const char *wanted)
{
  g_auto(GStrv) have = g_strsplit (registered ? registered : "", " ", -1);
  g_auto(GStrv) want = g_strsplit (wanted, " ", -1);

  for (guint i = 0; want[i] != NULL; i++)
    if (want[i][0] && !g_strv_contains ((const char * const *) have, want[i]))
      return FALSE;
  return TRUE;
}

/* Whether the server lets a loopback redirect URI's port vary (RFC 8252 §7.3), so that one
 * registration fits every port the listener gets. Mastodon does, through Doorkeeper
 * (doorkeeper lib/doorkeeper/oauth/helpers/uri_checker.rb, matches?: "the port of loopback
 * interface redirect URIs … is ignored"); snac compares nothing (snac2 mastoapi.c,
 * oauth_get_handler: redirect_uri is only carried along). GoToSocial wants the exact URI
 * (gotosocial internal/oauth/handlers/handlers.go, GetValidateURIHandler: "Want an exact
 * match"); for software Ferry has not read, exact is what works everywhere. */
gboolean
ferry_oauth_loopback_port_varies (FerryServerInfo *info)
{
  const char *software = info ? ferry_server_info_get_software (info) : NULL;

  return g_strcmp0 (software, "mastodon") == 0 || g_strcmp0 (software, "snac") == 0;
}

/* The port of the loopback URI @app was registered with; 0 for none (any port). */
guint16
ferry_oauth_app_get_port (const FerryOAuthApp *app)
{
  g_autoptr(GUri) uri = NULL;

  if (app == NULL || app->redirect_uri == NULL)
    return 0;
  uri = g_uri_parse (app->redirect_uri, G_URI_FLAGS_NONE, NULL);
  return uri && g_uri_get_port (uri) > 0 && g_uri_get_port (uri) < 65536 ? g_uri_get_port (uri) : 0;
}

/**
 * ferry_oauth_app_fits:
 * @loopback_uri: (nullable): the listener's redirect URI, %NULL when the code is pasted
 *
 * Whether a kept registration serves this sign-in: its scopes cover what either role asks
 * here, and where the server wants the exact redirect URI, it was registered with this one.
 * Every registration also has the out-of-band URI, for the pasted code.
 */
gboolean
ferry_oauth_app_fits (const FerryOAuthApp *app,
                      FerryServerInfo     *info,
                      const char          *loopback_uri)
{
  return ferry_oauth_app_fits_with (app, info, loopback_uri, 0);
}

/* The same, for a sign-in that asks for @extra too (a registration without it is made anew,
 * with it: the server refuses a scope the app was not registered with). */
gboolean
ferry_oauth_app_fits_with (const FerryOAuthApp *app,
                           FerryServerInfo     *info,
                           const char          *loopback_uri,
                           FerryOAuthAccess     extra)
{
  g_autofree char *scopes = NULL;

  if (app == NULL)
    return FALSE;
  scopes = ferry_oauth_app_scopes_with (info, extra);
  if (!ferry_oauth_scopes_cover (app->scopes, scopes))
    return FALSE;
  if (loopback_uri == NULL || ferry_oauth_loopback_port_varies (info))
    return TRUE;
  return g_strcmp0 (app->redirect_uri, loopback_uri) == 0;
}

static char *
query_value (const char *query,
             const char *name)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  const char *value = params ? g_hash_table_lookup (params, name) : NULL;

  return g_strdup (value);
}

/**
 * ferry_oauth_parse_pasted_code:
 * @state: (out) (optional): the state that came with the code, if any
 *
 * What a person pastes: the code alone; snac's out-of-band page, which shows
 * "CODE&state=STATE" (snac2 mastoapi.c, x-snac-login: the state is appended to the code);
 * or the whole address the browser was sent to ("http://127.0.0.1:…/callback?code=…").
 *
 * Returns: (transfer full): the code, or %NULL with @error
 */
char *
ferry_oauth_parse_pasted_code (const char  *text,
                               char       **state,
                               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *code = NULL;
  g_autofree char *found_state = NULL;
  const char *query = NULL;

  if (strstr (trimmed, "code=") != NULL)
    {
      const char *mark = strchr (trimmed, '?');

      query = mark ? mark + 1 : trimmed;
      code = query_value (query, "code");
      found_state = query_value (query, "state");
    }
  else
    {
      char *amp = strchr (trimmed, '&');

      if (amp != NULL)
        {
          found_state = query_value (amp + 1, "state");
          *amp = '\0';
        }
      code = g_strdup (trimmed);
    }

  if (code == NULL || code[0] == '\0')
    {
      g_set_error_literal (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                           _("The code is empty. Copy it from the server’s page."));
      return NULL;
    }
  for (const char *p = code; *p; p++)
    if (!g_ascii_isgraph (*p))
      {
        g_set_error_literal (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID,
                             _("That is not a sign-in code. Copy the code the server’s page "
                               "shows, and nothing else."));
        return NULL;
      }
  if (state != NULL)
    *state = g_steal_pointer (&found_state);
  return g_steal_pointer (&code);
}

static char *
base64url (const guint8 *data,
           gsize         len)
{
  g_autofree char *b64 = g_base64_encode (data, len);

  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  g_strdelimit (b64, "=", '\0');
  return g_strdup (b64);
}

/* 32 random bytes, base64url: a PKCE verifier (43 characters) or a state. */
char *
ferry_oauth_random_token (void)
{
  guint8 bytes[32];

  /* The kernel's randomness; GLib's g_random is not meant for secrets. */
  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    g_error ("Ferry could not get random bytes from the kernel");
  return base64url (bytes, sizeof bytes);
}

char *
ferry_oauth_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  return base64url (digest, len);
}

/**
 * ferry_oauth_authorize_url:
 * @challenge: (nullable): the PKCE challenge, where the server supports PKCE
 * @force_login: ask the server to sign in afresh, so that a second account on the same
 *   server can be chosen
 */
char *
ferry_oauth_authorize_url (const char          *base_url,
                           const FerryOAuthApp *app,
                           const char          *redirect_uri,
                           const char          *scopes,
                           const char          *state,
                           const char          *challenge,
                           gboolean             force_login)
{
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *query = NULL;

  ferry_params_add (params, "response_type", "code");
  ferry_params_add (params, "client_id", app->client_id);
  ferry_params_add (params, "redirect_uri", redirect_uri);
  ferry_params_add (params, "scope", scopes);
  ferry_params_add (params, "state", state);
  if (challenge != NULL)
    {
      ferry_params_add (params, "code_challenge", challenge);
      ferry_params_add (params, "code_challenge_method", "S256");
    }
  if (force_login)
    ferry_params_add (params, "force_login", "true");
  query = ferry_params_encode (params);
  return g_strconcat (base_url, "/oauth/authorize?", query, NULL);
}

static void
registered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  const FerryOAuthApp *wanted = g_task_get_task_data (task);
  JsonObject *object_;
  FerryOAuthApp *app;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  object_ = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  /* Read as strings or not at all: a number or null here is a broken or hostile answer. */
  if (object_ == NULL || string_member (object_, "client_id") == NULL ||
      string_member (object_, "client_secret") == NULL)
    {
      g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                               _("%s did not register Ferry properly: its answer has no usable "
                                 "client ID and secret. Try again later, or tell the server’s "
                                 "admin."),
                               ferry_client_get_host (FERRY_CLIENT (object)));
      return;
    }
  app = g_new0 (FerryOAuthApp, 1);
  app->client_id = g_strdup (string_member (object_, "client_id"));
  app->client_secret = g_strdup (string_member (object_, "client_secret"));
  app->scopes = g_strdup (wanted->scopes);
  app->redirect_uri = g_strdup (wanted->redirect_uri);
  g_task_return_pointer (task, app, (GDestroyNotify) ferry_oauth_app_free);
}

/**
 * ferry_oauth_register_async:
 * @loopback_uri: (nullable): the listener's exact redirect URI, for servers that want an
 *   exact match (see ferry_oauth_loopback_port_varies()); %NULL registers the port-less
 *   loopback URI, which Doorkeeper matches on any port
 *
 * Registers Ferry with the server (POST /api/v1/apps), for the loopback redirect and the
 * paste-the-code fallback.
 */
void
ferry_oauth_register_async (FerryClient         *client,
                            FerryServerInfo     *info,
                            const char          *loopback_uri,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ferry_oauth_register_with_async (client, info, loopback_uri, 0, cancellable, callback,
                                   user_data);
}

/* The same, registering the scopes of @extra too. */
void
ferry_oauth_register_with_async (FerryClient         *client,
                                 FerryServerInfo     *info,
                                 const char          *loopback_uri,
                                 FerryOAuthAccess     extra,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(FerryParams) params = ferry_params_new ();
  FerryOAuthApp *wanted = g_new0 (FerryOAuthApp, 1);
  g_autofree char *uris = NULL;

  g_task_set_source_tag (task, ferry_oauth_register_async);
  wanted->scopes = ferry_oauth_app_scopes_with (info, extra);
  wanted->redirect_uri = g_strdup (loopback_uri);
  g_task_set_task_data (task, wanted, (GDestroyNotify) ferry_oauth_app_free);
  /* Before 4.3 Mastodon took only a string; newlines separate the URIs there, and GoToSocial
   * splits the same string on newlines (internal/processing/application/create.go). */
  uris = g_strconcat (loopback_uri ? loopback_uri : "http://127.0.0.1/callback", "\n",
                      FERRY_OAUTH_OOB, NULL);
  ferry_params_add (params, "client_name", "Ferry");
  ferry_params_add (params, "redirect_uris", uris);
  ferry_params_add (params, "scopes", wanted->scopes);
  ferry_params_add (params, "website", "https://github.com/ferryapp/ferry");
  ferry_client_call_async (client, "POST", "/api/v1/apps", params, cancellable, registered_cb,
                           task);
}

FerryOAuthApp *
ferry_oauth_register_finish (FerryClient   *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
exchanged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  const char *token = NULL;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    token = string_member (json_node_get_object (node), "access_token");
  if (token == NULL)
    g_task_return_new_error (task, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                             _("%s did not give Ferry a sign-in token."),
                             ferry_client_get_host (FERRY_CLIENT (object)));
  else
    g_task_return_pointer (task, g_strdup (token), g_free);
}

void
ferry_oauth_exchange_async (FerryClient         *client,
                            const FerryOAuthApp *app,
                            const char          *code,
                            const char          *redirect_uri,
                            const char          *verifier,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_task_set_source_tag (task, ferry_oauth_exchange_async);
  ferry_params_add (params, "grant_type", "authorization_code");
  ferry_params_add (params, "code", code);
  ferry_params_add (params, "client_id", app->client_id);
  ferry_params_add (params, "client_secret", app->client_secret);
  ferry_params_add (params, "redirect_uri", redirect_uri);
  if (verifier != NULL)
    ferry_params_add (params, "code_verifier", verifier);
  ferry_client_call_async (client, "POST", "/oauth/token", params, cancellable, exchanged_cb, task);
}

/**
 * ferry_oauth_exchange_finish:
 *
 * Returns: (transfer full): the access token
 */
char *
ferry_oauth_exchange_finish (FerryClient   *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ferry_oauth_revoke_async (FerryClient         *client,
                          const FerryOAuthApp *app,
                          const char          *token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(FerryParams) params = ferry_params_new ();

  g_task_set_source_tag (task, ferry_oauth_revoke_async);
  ferry_params_add (params, "client_id", app->client_id);
  ferry_params_add (params, "client_secret", app->client_secret);
  ferry_params_add (params, "token", token);
  ferry_client_call_async (client, "POST", "/oauth/revoke", params, cancellable, revoked_cb, task);
}

gboolean
ferry_oauth_revoke_finish (FerryClient   *client,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
