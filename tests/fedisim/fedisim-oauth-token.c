/* fedisim-oauth-token.c: the token endpoint (codes for tokens, PKCE, client authentication),
 * revocation, the authorization server metadata and GoToSocial's out-of-band page
 * (api-facts §1)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

static void
oauth_error (FsRequest  *req,
             guint       status,
             const char *error,
             const char *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  fs_reply_json (req, status, json_builder_get_root (builder));
}

/* client_secret_post or client_secret_basic. */
static FsApp *
authenticate_client (FsRequest *req)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (req->msg), "Authorization");
  const char *client_id = fs_req_param (req, "client_id");
  const char *secret = fs_req_param (req, "client_secret");
  g_autofree char *decoded = NULL;
  FsApp *app;

  if (authorization != NULL && g_str_has_prefix (authorization, "Basic "))
    {
      gsize len;
      guchar *raw = g_base64_decode (authorization + 6, &len);
      char *colon;

      decoded = g_strndup ((char *) raw, len);
      g_free (raw);
      colon = strchr (decoded, ':');
      if (colon != NULL)
        {
          *colon = '\0';
          client_id = decoded;
          secret = colon + 1;
        }
    }

  app = fs_oauth_find_app (req->server, client_id);
  if (app == NULL || secret == NULL || !g_str_equal (app->client_secret, secret))
    return NULL;
  return app;
}

static gboolean
verify_pkce (const char *challenge,
             const char *verifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autofree char *b64 = NULL;

  if (challenge == NULL)
    return TRUE;
  if (verifier == NULL)
    return FALSE;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  b64 = g_base64_encode (digest, len);
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  g_strdelimit (b64, "=", '\0');
  return g_str_equal (b64, challenge);
}

static FsToken *
issue_token (FedisimServer *server,
             FsApp         *app,
             FsActor       *user,
             const char    *scopes)
{
  FsToken *token;

  /* reuse_access_token: the same app, user and scopes get the same token back. */
  for (guint i = 0; i < server->tokens->len; i++)
    {
      g_autofree char *joined = NULL;

      token = g_ptr_array_index (server->tokens, i);
      joined = g_strjoinv (" ", token->scopes);
      if (!token->revoked && token->app == app && token->user == user && user != NULL &&
          g_str_equal (joined, scopes))
        return token;
    }

  token = g_new0 (FsToken, 1);
  token->id = server->next_id++;
  token->token = fs_oauth_random_token (32);
  token->app = app;
  token->user = user;
  token->scopes = g_strsplit (scopes, " ", -1);
  g_ptr_array_add (server->tokens, token);
  return token;
}

static void
reply_token (FsRequest *req,
             FsToken   *token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *scopes = g_strjoinv (" ", token->scopes);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token->token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, scopes);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, fedisim_world_now (req->server->world));
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
token_endpoint (FsRequest *req)
{
  const char *grant_type = fs_req_param (req, "grant_type");
  static const char *invalid_grant =
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client.";
  FsApp *app = authenticate_client (req);

  if (app == NULL)
    {
      oauth_error (req, 401, "invalid_client",
                   "Client authentication failed due to unknown client, no client "
                   "authentication included, or unsupported authentication method.");
      return;
    }

  if (g_strcmp0 (grant_type, "authorization_code") == 0)
    {
      const char *code = fs_req_param (req, "code");
      FsGrant *grant = NULL;

      for (guint i = 0; code && i < req->server->grants->len; i++)
        {
          FsGrant *candidate = g_ptr_array_index (req->server->grants, i);

          if (g_str_equal (candidate->code, code))
            grant = candidate;
        }
      /* snac only wants a redirect_uri to be there (snac2 mastoapi.c, "/token"). */
      if (grant == NULL || grant->used || grant->app != app ||
          grant->expires_at < fedisim_world_now (req->server->world) ||
          (req->server->flavour == FEDISIM_FLAVOUR_LEGACY
             ? fs_req_param (req, "redirect_uri") == NULL
             : g_strcmp0 (grant->redirect_uri, fs_req_param (req, "redirect_uri")) != 0))
        {
          oauth_error (req, 400, "invalid_grant", invalid_grant);
          return;
        }
      if (!verify_pkce (grant->challenge, fs_req_param (req, "code_verifier")))
        {
          oauth_error (req, 400, "invalid_grant", invalid_grant);
          return;
        }
      grant->used = TRUE;
      reply_token (req, issue_token (req->server, app, grant->user, grant->scopes));
    }
  else if (g_strcmp0 (grant_type, "client_credentials") == 0)
    {
      const char *scope = fs_req_param (req, "scope");

      reply_token (req, issue_token (req->server, app, NULL, scope && scope[0] ? scope : "read"));
    }
  else if (g_strcmp0 (grant_type, "password") == 0 &&
           req->server->flavour == FEDISIM_FLAVOUR_MASTODON && req->server->api_version < 6)
    {
      /* Removed in 4.4 (api-facts §1.3). */
      FsActor *user = fs_server_find_local (req->server, fs_req_param (req, "username") ?: "");
      const char *password = fs_req_param (req, "password");
      const char *scope = fs_req_param (req, "scope");

      if (user == NULL || password == NULL || !g_str_equal (user->password, password))
        {
          oauth_error (req, 400, "invalid_grant", invalid_grant);
          return;
        }
      reply_token (req, issue_token (req->server, app, user, scope && scope[0] ? scope : "read"));
    }
  else
    oauth_error (req, 400, "unsupported_grant_type",
                 "The authorization grant type is not supported by the authorization server.");
}

static void
revoke_token (FsRequest *req)
{
  FsApp *app = authenticate_client (req);
  const char *value = fs_req_param (req, "token");

  if (app == NULL)
    {
      oauth_error (req, 401, "invalid_client",
                   "Client authentication failed due to unknown client, no client "
                   "authentication included, or unsupported authentication method.");
      return;
    }
  for (guint i = 0; value && i < req->server->tokens->len; i++)
    {
      FsToken *token = g_ptr_array_index (req->server->tokens, i);

      if (g_str_equal (token->token, value))
        {
          if (token->app != app)
            {
              oauth_error (req, 403, "unauthorized_client",
                           "You are not authorized to revoke this token");
              return;
            }
          token->revoked = TRUE;
        }
    }
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static void
authorization_server_metadata (FsRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *base = req->server->base_url;
  struct { const char *name; const char *path; } endpoints[] = {
    { "authorization_endpoint", "/oauth/authorize" },
    { "token_endpoint", "/oauth/token" },
    { "revocation_endpoint", "/oauth/revoke" },
    { "app_registration_endpoint", "/api/v1/apps" },
  };

  if (!fs_oauth_pkce_supported (req->server))
    {
      fs_reply_html (req, 404, "The page you were looking for doesn't exist", "");
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, base);
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autofree char *url = g_strconcat (base, endpoints[i].path, NULL);

      json_builder_set_member_name (builder, endpoints[i].name);
      json_builder_add_string_value (builder, url);
    }
  if (req->server->api_version >= 6)
    {
      g_autofree char *url = g_strconcat (base, "/oauth/userinfo", NULL);

      json_builder_set_member_name (builder, "userinfo_endpoint");
      json_builder_add_string_value (builder, url);
    }
  json_builder_set_member_name (builder, "scopes_supported");
  json_builder_begin_array (builder);
  for (guint i = 0; fs_oauth_known_scopes[i]; i++)
    json_builder_add_string_value (builder, fs_oauth_known_scopes[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "response_types_supported");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "code");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "code_challenge_methods_supported");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "S256");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "grant_types_supported");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "authorization_code");
  json_builder_add_string_value (builder, "client_credentials");
  if (req->server->api_version < 6)
    json_builder_add_string_value (builder, "password");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

/* GoToSocial's out-of-band page (gotosocial internal/api/auth/oob.go, web/template/oob.tmpl):
 * the code in a <code> element of the "oob-token" section. */
static void
gotosocial_oob_page (FsRequest *req)
{
  const char *code = fs_req_param (req, "code");
  g_autofree char *escaped = NULL;
  g_autofree char *body = NULL;

  if (code == NULL || code[0] == '\0')
    {
      fs_reply_html (req, 400, "Bad Request",
                     "<p>no 'code' query value provided in callback redirect</p>");
      return;
    }
  escaped = fs_html_escape (code);
  body = g_strdup_printf ("<main><section class=\"oob-token\"><h1>Hi!</h1>"
                          "<p>Here's your out-of-band token, use it wisely:</p>"
                          "<code>%s</code></section></main>", escaped);
  fs_reply_html (req, 200, "Out-of-band token", body);
}

const FsRoute fs_oauth_token_routes[] = {
  { "POST", "/oauth/token", token_endpoint },
  { "POST", "/oauth/revoke", revoke_token },
  { "GET", "/oauth/oob", gotosocial_oob_page, 0, NULL, FS_F (FEDISIM_FLAVOUR_GOTOSOCIAL) },
  { "GET", "/.well-known/oauth-authorization-server", authorization_server_metadata },
  { NULL }
};
