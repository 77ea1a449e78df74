/* fedisim-oauth.c: app registration, the sign-in and consent pages (api-facts §1); the
 * token endpoint is in fedisim-oauth-token.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

#define OOB "urn:ietf:wg:oauth:2.0:oob"

const char * const fs_oauth_known_scopes[] = {
  "read", "write", "follow", "push", "profile",
  "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters",
  "read:follows", "read:lists", "read:mutes", "read:notifications", "read:search",
  "read:statuses", "write:accounts", "write:blocks", "write:bookmarks", "write:conversations",
  "write:favourites", "write:filters", "write:follows", "write:lists", "write:media",
  "write:mutes", "write:notifications", "write:reports", "write:statuses",
  /* mastodon config/initializers/doorkeeper.rb optional_scopes: the admin scopes too, which a
   * community helper's sign-in asks for (community-facts §1.2). */
  "admin:read", "admin:read:accounts",
  NULL
};

/* GoToSocial 0.19 has no PKCE and no authorization server metadata (observed-servers.md;
 * S256 came later, gotosocial internal/oauth/server.go AllowedCodeChallengeMethods). */
gboolean
fs_oauth_pkce_supported (FedisimServer *server)
{
  return server->flavour == FEDISIM_FLAVOUR_MASTODON && server->api_version >= 2;
}

/* GoToSocial compares the redirect URI with the registered ones exactly, no loopback leeway:
 * gotosocial internal/oauth/handlers/handlers.go, GetValidateURIHandler ("Want an exact
 * match"; the wanted URI is only parsed and re-serialised, the registered ones split on
 * newlines). */
static gboolean
gotosocial_redirect_registered (FsApp      *app,
                                const char *redirect_uri)
{
  for (guint i = 0; redirect_uri && app->redirect_uris[i]; i++)
    if (g_str_equal (app->redirect_uris[i], redirect_uri))
      return TRUE;
  return FALSE;
}

char *
fs_oauth_random_token (guint n_bytes)
{
  g_autofree guint8 *bytes = g_new (guint8, n_bytes);
  g_autofree char *b64 = NULL;

  for (guint i = 0; i < n_bytes; i++)
    bytes[i] = g_random_int_range (0, 256);
  b64 = g_base64_encode (bytes, n_bytes);
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  g_strdelimit (b64, "=", '\0');
  return g_strdup (b64);
}

/* Doorkeeper's redirect URI validation: a scheme, no fragment, not opaque ("myapp:cb"),
 * none of the forbidden schemes. */
static gboolean
valid_redirect_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (g_str_equal (uri, OOB))
    return TRUE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_fragment (parsed) != NULL)
    return FALSE;
  scheme = g_uri_get_scheme (parsed);
  if (g_str_equal (scheme, "javascript") || g_str_equal (scheme, "data") ||
      g_str_equal (scheme, "vbscript"))
    return FALSE;
  /* Opaque: nothing after the scheme but a path without a leading slash. */
  if (g_uri_get_host (parsed) == NULL && g_uri_get_path (parsed)[0] != '/')
    return FALSE;
  return TRUE;
}

static gboolean
is_loopback_ip (const char *host)
{
  g_autoptr(GInetAddress) address = host ? g_inet_address_new_from_string (host) : NULL;

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* RFC 8252 §7.3, as Doorkeeper does it for Mastodon (doorkeeper-gem/doorkeeper
 * lib/doorkeeper/oauth/helpers/uri_checker.rb, matches? and loopback_uri?): loopback IP
 * literals match on any port; path and query must still match; "localhost" is not a literal
 * and must match exactly. */
static gboolean
redirect_matches (const char *registered,
                  const char *requested)
{
  g_autoptr(GUri) a = NULL;
  g_autoptr(GUri) b = NULL;

  if (g_str_equal (registered, requested))
    return TRUE;
  a = g_uri_parse (registered, G_URI_FLAGS_NONE, NULL);
  b = g_uri_parse (requested, G_URI_FLAGS_NONE, NULL);
  if (a == NULL || b == NULL)
    return FALSE;
  if (!is_loopback_ip (g_uri_get_host (a)) || !is_loopback_ip (g_uri_get_host (b)))
    return FALSE;
  /* doorkeeper uri_checker.rb urls_match?: everything but the port, the userinfo included. */
  return g_str_equal (g_uri_get_scheme (a), g_uri_get_scheme (b)) &&
         g_strcmp0 (g_uri_get_userinfo (a), g_uri_get_userinfo (b)) == 0 &&
         g_str_equal (g_uri_get_host (a), g_uri_get_host (b)) &&
         g_str_equal (g_uri_get_path (a), g_uri_get_path (b)) &&
         g_strcmp0 (g_uri_get_query (a), g_uri_get_query (b)) == 0;
}

FsApp *
fs_oauth_find_app (FedisimServer *server,
                   const char    *client_id)
{
  for (guint i = 0; client_id && i < server->apps->len; i++)
    {
      FsApp *app = g_ptr_array_index (server->apps, i);

      if (g_str_equal (app->client_id, client_id))
        return app;
    }
  return NULL;
}

static gboolean
scopes_allowed (FedisimServer *server,
                const char    *requested,
                const char    *registered)
{
  g_auto(GStrv) want = g_strsplit (requested, " ", -1);
  g_auto(GStrv) have = g_strsplit (registered, " ", -1);

  for (guint i = 0; want[i] != NULL; i++)
    {
      if (want[i][0] == '\0')
        continue;
      if (!g_strv_contains (fs_oauth_known_scopes, want[i]) ||
          !g_strv_contains ((const char * const *) have, want[i]))
        return FALSE;
      if (g_str_equal (want[i], "profile") && server->api_version < 2)
        return FALSE;
    }
  return TRUE;
}

static void
register_app (FsRequest *req)
{
  FedisimServer *server = req->server;
  const char *name = fs_req_param (req, "client_name");
  const char *scopes = fs_req_param (req, "scopes");
  GPtrArray *uris_param = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FsApp *app;

  if (!fs_rate_take_app (req))
    {
      fs_reply_error (req, 429, "Too many requests");
      return;
    }

  /* Arrays only from 4.3; before, only a string (with newlines between URIs) was permitted. */
  {
    g_autofree char *brackets = g_strdup ("redirect_uris[]");
    gboolean array = g_hash_table_contains (req->form, brackets) ||
                     g_hash_table_contains (req->query, brackets);

    if (!array || server->flavour != FEDISIM_FLAVOUR_MASTODON || server->api_version >= 2)
      uris_param = fs_req_param_array (req, "redirect_uris");
  }
  for (guint i = 0; uris_param && i < uris_param->len; i++)
    {
      g_auto(GStrv) split = g_strsplit_set (g_ptr_array_index (uris_param, i), " \n", -1);

      for (guint j = 0; split[j]; j++)
        if (split[j][0] != '\0')
          g_ptr_array_add (uris, g_strdup (split[j]));
    }

  if (name == NULL || name[0] == '\0')
    {
      fs_reply_error (req, 422, "Validation failed: Application name can't be blank");
      return;
    }
  if (uris->len == 0)
    {
      fs_reply_error (req, 422, "Validation failed: Redirect URI can't be blank");
      return;
    }
  for (guint i = 0; i < uris->len; i++)
    if (!valid_redirect_uri (g_ptr_array_index (uris, i)))
      {
        fs_reply_error (req, 422, "Validation failed: Redirect URI must be an absolute URI.");
        return;
      }
  if (scopes == NULL || scopes[0] == '\0')
    scopes = "read";
  if (!scopes_allowed (server, scopes, "read write follow push profile read:accounts read:blocks "
                       "read:bookmarks read:favourites read:filters read:follows read:lists "
                       "read:mutes read:notifications read:search read:statuses write:accounts "
                       "write:blocks write:bookmarks write:conversations write:favourites "
                       "write:filters write:follows write:lists write:media write:mutes "
                       "write:notifications write:reports write:statuses admin:read "
                       "admin:read:accounts"))
    {
      fs_reply_error (req, 422, "Validation failed: Scopes are invalid");
      return;
    }

  app = g_new0 (FsApp, 1);
  app->id = server->next_id++;
  app->client_id = fs_oauth_random_token (32);
  app->client_secret = fs_oauth_random_token (32);
  app->name = g_strdup (name);
  app->website = g_strdup (fs_req_param (req, "website"));
  app->scopes = g_strdup (scopes);
  g_ptr_array_add (uris, NULL);
  app->redirect_uris = g_strdupv ((char **) uris->pdata);
  g_ptr_array_add (server->apps, app);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  {
    g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, app->id);
    json_builder_add_string_value (builder, id);
  }
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, app->name);
  json_builder_set_member_name (builder, "website");
  json_builder_add_string_value (builder, app->website);
  json_builder_set_member_name (builder, "scopes");
  json_builder_begin_array (builder);
  {
    g_auto(GStrv) split = g_strsplit (app->scopes, " ", -1);
    for (guint i = 0; split[i]; i++)
      json_builder_add_string_value (builder, split[i]);
  }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "redirect_uri");
  {
    g_autofree char *joined = g_strjoinv ("\n", app->redirect_uris);
    json_builder_add_string_value (builder, joined);
  }
  json_builder_set_member_name (builder, "redirect_uris");
  json_builder_begin_array (builder);
  for (guint i = 0; app->redirect_uris[i]; i++)
    json_builder_add_string_value (builder, app->redirect_uris[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, app->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, app->client_secret);
  json_builder_set_member_name (builder, "client_secret_expires_at");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

/* The sign-in page: a real form with a CSRF token, as Devise's. */
static void
sign_in_page (FsRequest  *req,
              const char *alert)
{
  FsSession *session = fs_session_ensure (req);
  g_autofree char *escaped = alert ? fs_html_escape (alert) : NULL;
  g_autofree char *alert_html = escaped ? g_strdup_printf ("<p class=\"flash-message alert\">%s</p>",
                                                           escaped) : g_strdup ("");
  g_autofree char *body = g_strdup_printf (
    "%s<form class=\"simple_form new_user\" id=\"new_user\" action=\"/auth/sign_in\" "
    "method=\"post\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n"
    "<label for=\"user_email\">E-mail address</label>\n"
    "<input type=\"email\" name=\"user[email]\" id=\"user_email\" autocomplete=\"username\">\n"
    "<label for=\"user_password\">Password</label>\n"
    "<input type=\"password\" name=\"user[password]\" id=\"user_password\" "
    "autocomplete=\"current-password\">\n"
    "<button name=\"button\" type=\"submit\">Log in</button>\n</form>",
    alert_html, session->csrf);

  fs_reply_html (req, alert ? 422 : 200, "Log in", body);
}

static void
sign_in_form (FsRequest *req)
{
  sign_in_page (req, NULL);
}

static gboolean
csrf_ok (FsRequest *req)
{
  const char *token = fs_req_param (req, "authenticity_token");

  return req->session != NULL && token != NULL && g_str_equal (token, req->session->csrf);
}

static void
sign_in (FsRequest *req)
{
  const char *login = fs_req_param (req, "user[email]");
  const char *password = fs_req_param (req, "user[password]");
  FsActor *user = NULL;

  if (!csrf_ok (req))
    {
      fs_reply_html (req, 422, "The change you wanted was rejected",
                     "<p>Invalid authenticity token</p>");
      return;
    }
  for (guint i = 0; login && i < req->server->actors->len; i++)
    {
      FsActor *actor = g_ptr_array_index (req->server->actors, i);

      if (actor->password != NULL &&
          (g_ascii_strcasecmp (actor->email, login) == 0 ||
           g_ascii_strcasecmp (actor->username, login) == 0))
        user = actor;
    }
  if (user == NULL || password == NULL || !g_str_equal (user->password, password))
    {
      sign_in_page (req, "Invalid E-mail address or password.");
      return;
    }

  req->session->user = user;
  fs_reply_redirect (req, req->session->return_to ? req->session->return_to : "/settings/profile");
  g_clear_pointer (&req->session->return_to, g_free);
}

static void
sign_out (FsRequest *req)
{
  if (req->session != NULL)
    req->session->user = NULL;
  fs_reply_redirect (req, "/auth/sign_in");
}

static char *
with_params (const char *uri,
             const char *first_name,
             ...)
{
  GString *str = g_string_new (uri);
  const char *name = first_name;
  gboolean has_query = strchr (uri, '?') != NULL;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

          g_string_append_printf (str, "%c%s=%s", has_query ? '&' : '?', name, escaped);
          has_query = TRUE;
        }
      name = va_arg (args, const char *);
    }
  va_end (args);
  return g_string_free (str, FALSE);
}

static void
authorize_error_page (FsRequest  *req,
                      const char *message)
{
  g_autofree char *escaped = fs_html_escape (message);
  g_autofree char *body = g_strdup_printf ("<p class=\"oauth-error\">%s</p>", escaped);

  fs_reply_html (req, 400, "An error has occurred", body);
}

/* Checks the authorization request; answers and returns NULL when it is not valid. */
static FsApp *
check_authorization (FsRequest *req)
{
  FsApp *app = fs_oauth_find_app (req->server, fs_req_param (req, "client_id"));
  const char *redirect_uri = fs_req_param (req, "redirect_uri");
  const char *scope = fs_req_param (req, "scope");
  const char *challenge = fs_req_param (req, "code_challenge");
  const char *method = fs_req_param (req, "code_challenge_method");
  gboolean matches = FALSE;

  if (app == NULL)
    {
      authorize_error_page (req, "Client authentication failed due to unknown client, no client "
                                 "authentication included, or unsupported authentication method.");
      return NULL;
    }
  for (guint i = 0; redirect_uri && app->redirect_uris[i]; i++)
    matches |= redirect_matches (app->redirect_uris[i], redirect_uri);
  /* GoToSocial only keeps the form in the session here and checks the redirect URI when the
   * person presses Authorize (gotosocial internal/api/auth/authorize.go,
   * saveAuthFormToSession; see authorize_submit). snac never checks it (snac2 mastoapi.c,
   * oauth_get_handler "/authorize": only client_id and response_type). */
  if ((req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ||
       req->server->flavour == FEDISIM_FLAVOUR_LEGACY) && redirect_uri != NULL)
    matches = TRUE;
  if (!matches)
    {
      authorize_error_page (req, "The redirect uri included is not valid.");
      return NULL;
    }
  if (g_strcmp0 (fs_req_param (req, "response_type"), "code") != 0)
    {
      authorize_error_page (req, "The authorization server does not support this response type.");
      return NULL;
    }
  if (scope != NULL && !scopes_allowed (req->server, scope, app->scopes))
    {
      authorize_error_page (req, "The requested scope is invalid, unknown, or malformed.");
      return NULL;
    }
  if (fs_oauth_pkce_supported (req->server) && challenge != NULL && g_strcmp0 (method, "S256") != 0)
    {
      authorize_error_page (req, "The code challenge method must be S256.");
      return NULL;
    }
  return app;
}

static void
authorize_form (FsRequest *req)
{
  FsSession *session = fs_session_ensure (req);
  g_autofree char *hidden = NULL;
  g_autofree char *body = NULL;
  g_autofree char *app_name = NULL;
  g_autofree char *user_name = NULL;
  GString *fields = g_string_new (NULL);
  static const char *carried[] = { "client_id", "redirect_uri", "state", "response_type",
                                   "scope", "code_challenge", "code_challenge_method", NULL };
  FsApp *app;

  /* force_login: sign out and sign in again, so that a second account can be chosen. */
  if (fs_req_param_bool (req, "force_login", FALSE))
    {
      const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
      g_auto(GStrv) pairs = g_strsplit (query ? query : "", "&", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; pairs[i]; i++)
        if (!g_str_has_prefix (pairs[i], "force_login="))
          g_ptr_array_add (kept, pairs[i]);
      g_ptr_array_add (kept, NULL);
      session->user = NULL;
      g_free (session->return_to);
      {
        g_autofree char *rest = g_strjoinv ("&", (char **) kept->pdata);
        session->return_to = g_strconcat ("/oauth/authorize?", rest, NULL);
      }
      fs_reply_redirect (req, "/auth/sign_in");
      return;
    }

  if ((app = check_authorization (req)) == NULL)
    return;

  if (session->user == NULL || !fs_actor_functional (session->user))
    {
      const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));

      g_free (session->return_to);
      session->return_to = g_strconcat ("/oauth/authorize?", query ? query : "", NULL);
      if (session->user != NULL)
        {
          /* require_functional!: a moved account cannot authorize apps (api-facts §1.2). */
          fs_reply_redirect (req, "/settings/migration");
          return;
        }
      fs_reply_redirect (req, "/auth/sign_in");
      return;
    }

  for (guint i = 0; carried[i]; i++)
    {
      const char *value = fs_req_param (req, carried[i]);
      g_autofree char *escaped = value ? fs_html_escape (value) : NULL;

      if (value != NULL)
        g_string_append_printf (fields, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n",
                                carried[i], escaped);
    }
  hidden = g_string_free (fields, FALSE);
  app_name = fs_html_escape (app->name);
  user_name = fs_html_escape (session->user->username);

  body = g_strdup_printf (
    "<p class=\"oauth-prompt\"><strong>%s</strong> would like permission to access your "
    "account <strong>@%s</strong>. It is a third-party application.</p>\n"
    "<form class=\"simple_form\" action=\"/oauth/authorize\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n%s"
    "<button name=\"button\" type=\"submit\" class=\"btn\">Authorize</button>\n</form>\n"
    "<form class=\"simple_form\" action=\"/oauth/authorize\" method=\"post\">\n"
    "<input type=\"hidden\" name=\"_method\" value=\"delete\">\n"
    "<input type=\"hidden\" name=\"authenticity_token\" value=\"%s\">\n%s"
    "<button name=\"button\" type=\"submit\" class=\"btn negative\">Deny</button>\n</form>",
    app_name, user_name, session->csrf, hidden, session->csrf, hidden);
  fs_reply_html (req, 200, "Authorization required", body);
}

static void
authorize_submit (FsRequest *req)
{
  FsActor *user;
  FsApp *app;
  FsGrant *grant;
  const char *redirect_uri = fs_req_param (req, "redirect_uri");
  const char *state = fs_req_param (req, "state");
  const char *scope = fs_req_param (req, "scope");
  g_autofree char *location = NULL;

  if (!csrf_ok (req) || req->session->user == NULL)
    {
      fs_reply_html (req, 422, "The change you wanted was rejected",
                     "<p>Invalid authenticity token</p>");
      return;
    }
  if ((app = check_authorization (req)) == NULL)
    return;

  /* GoToSocial is done with the session here, except for the out-of-band page, which still
   * reads it (gotosocial internal/api/auth/authorize.go, AuthorizePOSTHandler: clearSession
   * unless the redirect URI is the OOB one): the next authorization signs in again. */
  user = req->session->user;
  if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL && g_strcmp0 (redirect_uri, OOB) != 0)
    req->session->user = NULL;

  if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL &&
      !gotosocial_redirect_registered (app, redirect_uri))
    {
      /* The oauth2 library's validateURI fails with ErrInvalidRedirectURI, which is not among
       * its described errors, so GetErrorData makes it server_error; errorOrRedirect then
       * sends the browser to the *requested* URI with it (gotosocial internal/oauth/server.go,
       * HandleAuthorizeRequest/errorOrRedirect; superseriousbusiness/oauth2 server/server.go,
       * GetErrorData, GetRedirectURI). */
      location = with_params (redirect_uri, "error", "server_error", "error_description",
                              "The authorization server encountered an unexpected condition "
                              "that prevented it from fulfilling the request",
                              "state", state, NULL);
      fs_reply_redirect (req, location);
      return;
    }

  if (g_strcmp0 (fs_req_param (req, "_method"), "delete") == 0)
    {
      location = with_params (redirect_uri, "error", "access_denied", "error_description",
                              "The resource owner or authorization server denied the request.",
                              "state", state, NULL);
      fs_reply_redirect (req, location);
      return;
    }

  grant = g_new0 (FsGrant, 1);
  grant->code = fs_oauth_random_token (32);
  grant->app = app;
  grant->user = user;
  grant->redirect_uri = g_strdup (redirect_uri);
  grant->scopes = g_strdup (scope && scope[0] ? scope : "read");
  grant->expires_at = fedisim_world_now (req->server->world) + 600;
  if (fs_oauth_pkce_supported (req->server))
    grant->challenge = g_strdup (fs_req_param (req, "code_challenge"));
  g_ptr_array_add (req->server->grants, grant);

  if (g_str_equal (redirect_uri, OOB) && req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
    {
      /* GoToSocial sends the browser to its own page, the OOB URI replaced by /oauth/oob
       * (gotosocial internal/oauth/server.go, OOBTokenPath). */
      location = with_params ("/oauth/oob", "code", grant->code, "state", state, NULL);
      fs_reply_redirect (req, location);
      return;
    }
  if (g_str_equal (redirect_uri, OOB) && req->server->flavour == FEDISIM_FLAVOUR_LEGACY &&
      state != NULL && state[0] != '\0')
    {
      /* snac shows the code with the state stuck to it, "CODE&state=STATE" (snac2
       * mastoapi.c, x-snac-login): what a person copies from there. */
      g_autofree char *shown = g_strdup_printf ("%s&state=%s", grant->code, state);
      g_autofree char *escaped = fs_html_escape (shown);
      g_autofree char *body = g_strdup_printf (
        "<input type=\"text\" class=\"oauth-code\" readonly value=\"%s\">", escaped);

      fs_reply_html (req, 200, "Authorization code", body);
      return;
    }
  if (g_str_equal (redirect_uri, OOB))
    {
      g_autofree char *body = g_strdup_printf (
        "<p>Copy this authorization code and paste it to the application.</p>\n"
        "<input type=\"text\" class=\"oauth-code\" readonly value=\"%s\">", grant->code);

      fs_reply_html (req, 200, "Authorization code", body);
      return;
    }

  location = with_params (redirect_uri, "code", grant->code, "state", state, NULL);
  fs_reply_redirect (req, location);
}

const FsRoute fs_oauth_routes[] = {
  { "POST", "/api/v1/apps", register_app },
  { "GET", "/auth/sign_in", sign_in_form },
  { "POST", "/auth/sign_in", sign_in },
  { "POST", "/auth/sign_out", sign_out },
  { "GET", "/oauth/authorize", authorize_form },
  { "POST", "/oauth/authorize", authorize_submit },
  { NULL }
};
