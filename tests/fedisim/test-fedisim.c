/* test-fedisim.c: fedisim's contract tests: each behaviour api-facts.md documents, pinned,
 * so that the simulation cannot drift from the servers it stands for
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fedisim.h"
#include "fedisim-browser.h"

#include "test-fedisim-common.h"

/* Identity */

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  struct {
    FedisimFlavour flavour;
    const char *version;
    const char *software;
    gint64 api_version;       /* -1: no /api/v2/instance */
    const char *v1_version;
  } cases[] = {
    { FEDISIM_FLAVOUR_MASTODON, "4.2.10", "mastodon", 0, "4.2.10" },
    { FEDISIM_FLAVOUR_MASTODON, "4.3.0", "mastodon", 2, "4.3.0" },
    { FEDISIM_FLAVOUR_MASTODON, "4.5.0", "mastodon", 7, "4.5.0" },
    { FEDISIM_FLAVOUR_GOTOSOCIAL, "0.19.1", "gotosocial", 0, "0.19.1 git-5d3c2a1" },
    { FEDISIM_FLAVOUR_AKKOMA, "3.15.2", "akkoma", -1, "2.7.2 (compatible; Akkoma 3.15.2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FedisimServer *server = add_server (f, cases[i].flavour, cases[i].version);
      g_autoptr(JsonNode) links = NULL;
      g_autoptr(JsonNode) nodeinfo = NULL;
      g_autoptr(JsonNode) v1 = NULL;
      g_autoptr(JsonNode) v2 = NULL;
      guint status;

      links = call (f, server, "GET", "/.well-known/nodeinfo", NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      nodeinfo = call (f, server, "GET", "/nodeinfo/2.0", NULL, NULL, &status, NULL);
      g_assert_cmpstr (json_object_get_string_member (
        json_object_get_object_member (json_node_get_object (nodeinfo), "software"), "name"),
        ==, cases[i].software);
      v1 = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpstr (member (v1, "version"), ==, cases[i].v1_version);
      v2 = call (f, server, "GET", "/api/v2/instance", NULL, NULL, &status, NULL);
      if (cases[i].api_version < 0)
        g_assert_cmpuint (status, ==, 404);
      else if (cases[i].api_version == 0)
        g_assert_false (json_object_has_member (json_node_get_object (v2), "api_versions"));
      else
        g_assert_cmpint (json_object_get_int_member (
          json_object_get_object_member (json_node_get_object (v2), "api_versions"), "mastodon"),
          ==, cases[i].api_version);
    }
}

typedef struct
{
  GBytes *body;
  GError *error;
  gboolean done;
} Sent;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sent *sent = user_data;

  sent->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &sent->error);
  sent->done = TRUE;
}

/* A GET with its own session: an Accept header, or a session without the test CA. */
static GBytes *
fetch (SoupSession *session,
       const char  *url,
       const char  *accept,
       guint       *status,
       GError     **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Sent sent = { NULL, NULL, FALSE };

  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", accept);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &sent);
  while (!sent.done)
    g_main_context_iteration (NULL, TRUE);
  *status = soup_message_get_status (msg);
  if (sent.error != NULL)
    g_propagate_error (error, sent.error);
  return sent.body;
}

static void
test_webfinger_actor (Fixture       *f,
                      gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options (
    "tls-database", fedisim_world_get_tls_database (f->world), NULL);
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonNode) finger = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) actor = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *doc;
  guint status;

  fedisim_server_add_user (server, "alice", "pw");
  path = g_strdup_printf ("/.well-known/webfinger?resource=acct:alice@%s",
                          fedisim_server_get_host (server));
  finger = call (f, server, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_str_has_prefix (member (finger, "subject"), "acct:alice@127.0.0.1:"));
  missing = call (f, server, "GET", "/.well-known/webfinger?resource=acct:nobody@x", NULL, NULL,
                  &status, NULL);
  g_assert_cmpuint (status, ==, 404);

  /* The ActivityPub actor carries alsoKnownAs (the REST API does not). */
  url = g_strdup_printf ("%s/users/alice", fedisim_server_get_base_url (server));
  actor = fetch (session, url, "application/activity+json", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (actor, NULL),
                                             g_bytes_get_size (actor), NULL));
  doc = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (doc, "id"), ==, url);
  g_assert_true (json_object_has_member (doc, "alsoKnownAs"));

  /* Authorized fetch: unsigned fetches are refused. */
  fedisim_server_set_authorized_fetch (server, TRUE);
  refused = fetch (session, url, "application/activity+json", &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 401);
}

/* OAuth */

typedef struct
{
  char *client_id;
  char *client_secret;
} App;

static App
register_app (Fixture       *f,
              FedisimServer *server,
              const char    *redirect_form)
{
  g_autofree char *form = g_strdup_printf ("client_name=Ferry&scopes=read+write+follow+profile&%s",
                                           redirect_form);
  g_autoptr(JsonNode) node = call (f, server, "POST", "/api/v1/apps", NULL, form, &(guint){0}, NULL);
  App app = { g_strdup (member (node, "client_id")), g_strdup (member (node, "client_secret")) };

  return app;
}

static char *
authorize_url (FedisimServer *server,
               App           *app,
               const char    *redirect,
               const char    *extra)
{
  g_autofree char *escaped = g_uri_escape_string (redirect, NULL, FALSE);

  return g_strdup_printf ("%s/oauth/authorize?response_type=code&client_id=%s&redirect_uri=%s"
                          "&scope=read+write&state=xyz42%s", fedisim_server_get_base_url (server),
                          app->client_id, escaped, extra ? extra : "");
}

static char *
query_value (const char *url,
             const char *name)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&",
                                                     G_URI_PARAMS_NONE, NULL);

  return g_strdup (g_hash_table_lookup (params, name));
}

static JsonNode *
exchange (Fixture       *f,
          FedisimServer *server,
          App           *app,
          const char    *code,
          const char    *redirect,
          const char    *verifier,
          guint         *status)
{
  g_autofree char *r = g_uri_escape_string (redirect, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("grant_type=authorization_code&client_id=%s&"
                                           "client_secret=%s&code=%s&redirect_uri=%s%s%s",
                                           app->client_id, app->client_secret, code, r,
                                           verifier ? "&code_verifier=" : "", verifier ? verifier : "");

  return call (f, server, "POST", "/oauth/token", NULL, form, status, NULL);
}

static void
test_oauth_pkce (Fixture       *f,
                 gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  const char *redirect = "http://127.0.0.1:4000/callback";
  const char *verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const char *challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  g_autofree char *extra = g_strdup_printf ("&code_challenge=%s&code_challenge_method=S256", challenge);
  g_autofree char *url = NULL;
  g_autofree char *redirected = NULL;
  g_autofree char *code = NULL;
  g_autofree char *state = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) token = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) metadata = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revoke = NULL;
  App app;
  guint status;

  fedisim_server_add_user (server, "alice", "correct horse");
  app = register_app (f, server, "redirect_uris[]=http://127.0.0.1:4000/callback&"
                                 "redirect_uris[]=urn:ietf:wg:oauth:2.0:oob");
  g_assert_nonnull (app.client_id);

  metadata = call (f, server, "GET", "/.well-known/oauth-authorization-server", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  /* A wrong password is refused on the sign-in page. */
  url = authorize_url (server, &app, redirect, extra);
  g_assert_null (fedisim_browser_authorize (f->browser, url, "alice", "wrong", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  redirected = fedisim_browser_authorize (f->browser, url, "alice", "correct horse", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (redirected, redirect));
  code = query_value (redirected, "code");
  state = query_value (redirected, "state");
  g_assert_cmpstr (state, ==, "xyz42");

  /* The server checks the verifier against the challenge. */
  refused = exchange (f, server, &app, code, redirect, "not-the-verifier-at-all-not-the-verifier", &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_cmpstr (member (refused, "error"), ==, "invalid_grant");

  g_clear_pointer (&redirected, g_free);
  g_clear_pointer (&code, g_free);
  redirected = fedisim_browser_authorize (f->browser, url, "alice", "correct horse", &error);
  g_assert_no_error (error);
  code = query_value (redirected, "code");
  token = exchange (f, server, &app, code, redirect, verifier, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (member (token, "access_token"));

  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", member (token, "access_token"),
             NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (me, "username"), ==, "alice");

  /* A code works once. */
  drop (exchange (f, server, &app, code, redirect, verifier, &status));
  g_assert_cmpuint (status, ==, 400);

  /* Revoked, the token is refused. */
  revoke = g_strdup_printf ("client_id=%s&client_secret=%s&token=%s", app.client_id,
                            app.client_secret, member (token, "access_token"));
  drop (call (f, server, "POST", "/oauth/revoke", NULL, revoke, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  json_node_unref (me);
  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", member (token, "access_token"),
             NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (member (me, "error"), ==, "The access token was revoked");

  g_free (app.client_id);
  g_free (app.client_secret);
}

static void
test_oauth_redirects (Fixture       *f,
                      gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, "4.5.0");
  FedisimServer *old = add_server (f, FEDISIM_FLAVOUR_MASTODON, "4.2.10");
  g_autofree char *url = NULL;
  g_autofree char *redirected = NULL;
  g_autofree char *code = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) token = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(GError) error = NULL;
  App app, localhost_app;
  guint status;

  fedisim_server_add_user (server, "alice", "pw1");
  fedisim_server_add_user (server, "bob", "pw2");

  /* Loopback IP literals match on any port (RFC 8252). */
  app = register_app (f, server, "redirect_uris=http://127.0.0.1:1/cb%0Aurn:ietf:wg:oauth:2.0:oob");
  url = authorize_url (server, &app, "http://127.0.0.1:55123/cb", NULL);
  redirected = fedisim_browser_authorize (f->browser, url, "alice", "pw1", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (redirected, "http://127.0.0.1:55123/cb?code="));
  g_clear_pointer (&url, g_free);

  /* …but "localhost" must match exactly. */
  localhost_app = register_app (f, server, "redirect_uris=http://localhost:1/cb");
  url = authorize_url (server, &localhost_app, "http://localhost:2/cb", NULL);
  g_assert_null (fedisim_browser_authorize (f->browser, url, "alice", "pw1", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "redirect uri included is not valid"));
  g_clear_error (&error);
  g_clear_pointer (&url, g_free);

  /* Out of band: the page shows the code. The session is still alice's… */
  url = authorize_url (server, &app, "urn:ietf:wg:oauth:2.0:oob", NULL);
  code = fedisim_browser_authorize (f->browser, url, NULL, NULL, &error);
  g_assert_no_error (error);
  token = exchange (f, server, &app, code, "urn:ietf:wg:oauth:2.0:oob", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", member (token, "access_token"),
             NULL, &status, NULL);
  g_assert_cmpstr (member (me, "username"), ==, "alice");
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&token, json_node_unref);
  g_clear_pointer (&me, json_node_unref);

  /* …and force_login lets bob sign in for a second account on the same server. */
  url = authorize_url (server, &app, "urn:ietf:wg:oauth:2.0:oob", "&force_login=true");
  second = fedisim_browser_authorize (f->browser, url, "bob", "pw2", &error);
  g_assert_no_error (error);
  token = exchange (f, server, &app, second, "urn:ietf:wg:oauth:2.0:oob", NULL, &status);
  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", member (token, "access_token"),
             NULL, &status, NULL);
  g_assert_cmpstr (member (me, "username"), ==, "bob");

  /* Before 4.3 only a string was permitted for redirect_uris, and no PKCE metadata. */
  refused = call (f, old, "POST", "/api/v1/apps", NULL,
                  "client_name=Ferry&redirect_uris[]=urn:ietf:wg:oauth:2.0:oob", &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  drop (call (f, old, "GET", "/.well-known/oauth-authorization-server", NULL, NULL,
                         &status, NULL));
  g_assert_cmpuint (status, ==, 404);

  /* Five registrations per ten minutes. */
  for (guint i = 0; i < 5; i++)
    drop (call (f, old, "POST", "/api/v1/apps", NULL,
                           "client_name=X&redirect_uris=urn:ietf:wg:oauth:2.0:oob", &status, NULL));
  g_assert_cmpuint (status, ==, 429);

  g_free (app.client_id);
  g_free (app.client_secret);
  g_free (localhost_app.client_id);
  g_free (localhost_app.client_secret);
}

/* Scopes and require_user! */

static void
test_scopes (Fixture       *f,
             gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *narrow = NULL;
  g_autofree char *blocks_only = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  fedisim_server_add_user (server, "alice", "pw");
  narrow = fedisim_server_issue_token (server, "alice", "read:accounts");
  blocks_only = fedisim_server_issue_token (server, "alice", "read:blocks");

  node = call (f, server, "GET", "/api/v1/blocks", narrow, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (member (node, "error"), ==, "This action is outside the authorized scopes");
  g_clear_pointer (&node, json_node_unref);

  node = call (f, server, "GET", "/api/v1/blocks", blocks_only, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&node, json_node_unref);

  /* A public endpoint refuses a token without its scope, and answers without a token. */
  node = call (f, server, "GET", "/api/v1/accounts/lookup?acct=alice", blocks_only, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&node, json_node_unref);
  node = call (f, server, "GET", "/api/v1/accounts/lookup?acct=alice", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&node, json_node_unref);

  node = call (f, server, "GET", "/api/v1/blocks", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&node, json_node_unref);
  node = call (f, server, "GET", "/api/v1/blocks", "no-such-token", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
}

/* Paging */

static guint64
link_cursor (SoupMessageHeaders *headers,
             const char         *rel,
             char              **url)
{
  const char *link = soup_message_headers_get_one (headers, "Link");
  g_autofree char *want = g_strdup_printf ("rel=\"%s\"", rel);
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return 0;
  parts = g_strsplit (link, ", ", -1);
  for (guint i = 0; parts[i]; i++)
    if (strstr (parts[i], want))
      {
        const char *start = strchr (parts[i], '<') + 1;
        const char *end = strchr (parts[i], '>');
        const char *id = g_strstr_len (start, end - start, rel[0] == 'n' ? "max_id=" : "min_id=");

        if (url != NULL)
          *url = g_strndup (start, end - start);
        return g_ascii_strtoull (id + 7, NULL, 10);
      }
  return 0;
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = NULL;
  guint pages = 0;
  guint sizes[3] = { 0 };
  guint status;

  fedisim_server_add_user (server, "alice", "pw");
  fedisim_server_seed_following (server, "alice", 205);
  token = fedisim_server_issue_token (server, "alice", "read");
  me = call (f, server, "GET", "/api/v1/accounts/verify_credentials", token, NULL, &status, NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (me), "following_count"), ==, 205);

  path = g_strdup_printf ("/api/v1/accounts/%s/following?limit=80", member (me, "id"));
  while (path != NULL)
    {
      SoupMessageHeaders *headers = NULL;
      g_autoptr(JsonNode) page = call (f, server, "GET", path, token, NULL, &status, &headers);
      JsonArray *accounts = json_node_get_array (page);
      g_autofree char *next = NULL;
      guint64 cursor;

      g_assert_cmpuint (status, ==, 200);
      sizes[MIN (pages, 2)] = json_array_get_length (accounts);
      for (guint i = 0; i < json_array_get_length (accounts); i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (accounts, i), "id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
      cursor = link_cursor (headers, "next", &next);
      /* The cursor is the Follow row's id, not an account's. */
      if (cursor != 0)
        {
          g_autofree char *as_id = g_strdup_printf ("%" G_GUINT64_FORMAT, cursor);
          g_assert_false (g_hash_table_contains (seen, as_id));
        }
      soup_message_headers_unref (headers);
      g_free (path);
      path = next ? g_strdup (strstr (next, "/api/")) : NULL;
      pages++;
    }

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (sizes[0], ==, 80);
  g_assert_cmpuint (sizes[1], ==, 80);
  g_assert_cmpuint (sizes[2], ==, 45);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 205);
  g_assert_cmpuint (fedisim_server_request_count (server, "GET /api/v1/accounts/:id/following"), ==, 3);
}

/* Rate limits */

static void
test_rate_limit_token (Fixture       *f,
                       gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) refused = NULL;
  SoupMessageHeaders *headers = NULL;
  guint status = 0;

  fedisim_server_add_user (server, "alice", "pw");
  token = fedisim_server_issue_token (server, "alice", "read");
  /* Start at a window's beginning so that the test does not straddle two. */
  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 300 + 1) * 300);

  for (guint i = 0; i < 300; i++)
    {
      drop (call (f, server, "GET", "/api/v1/preferences", token, NULL, &status, &headers));
      g_assert_cmpuint (status, ==, 200);
      g_assert_cmpint (atoi (soup_message_headers_get_one (headers, "X-RateLimit-Remaining")), ==, 299 - i);
      soup_message_headers_unref (headers);
    }

  refused = call (f, server, "GET", "/api/v1/preferences", token, NULL, &status, &headers);
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpstr (member (refused, "error"), ==, "Too many requests");
  g_assert_null (soup_message_headers_get_one (headers, "Retry-After"));
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Limit"), ==, "300");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-RateLimit-Remaining"), ==, "0");
  g_assert_true (g_str_has_suffix (soup_message_headers_get_one (headers, "X-RateLimit-Reset"),
                                   ":00.000000Z"));
  soup_message_headers_unref (headers);

  /* The window is aligned to the epoch: the next one starts afresh. */
  fedisim_world_advance (f->world, 300);
  drop (call (f, server, "GET", "/api/v1/preferences", token, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
}

static void
test_rate_limit_follows (Fixture       *f,
                         gconstpointer  data)
{
  FedisimServer *home = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimServer *other = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  guint status = 0;

  fedisim_server_add_user (home, "alice", "pw");
  token = fedisim_server_issue_token (home, "alice", "read write follow");
  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 86400) * 86400 + 3600);

  for (guint i = 0; i < 402; i++)
    {
      g_autofree char *name = g_strdup_printf ("u%u", i);
      g_autofree char *acct = g_strdup_printf ("u%u@%s", i, fedisim_server_get_host (other));
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) node = NULL;

      /* Stay under the 300-per-5-minutes token limit: this pins the daily one. */
      if (i % 100 == 99)
        fedisim_world_advance (f->world, 301);
      fedisim_server_add_user (other, name, NULL);
      id = account_id (f, home, token, acct);
      path = g_strdup_printf ("/api/v1/accounts/%s/follow", id);
      node = call (f, home, "POST", path, token, "reblogs=false", &status, NULL);
      if (i < 400)
        g_assert_cmpuint (status, ==, 200);
      else
        {
          g_assert_cmpuint (status, ==, 429);
          g_assert_cmpstr (member (node, "error"), ==, "Too many requests");
        }
    }

  /* Changing an existing follow's options is not a new follow: still allowed. */
  {
    g_autofree char *acct = g_strdup_printf ("u0@%s", fedisim_server_get_host (other));
    g_autofree char *id = account_id (f, home, token, acct);
    g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/follow", id);

    drop (call (f, home, "POST", path, token, "notify=true", &status, NULL));
    g_assert_cmpuint (status, ==, 200);
  }

  /* The next day (00:00 UTC) the limit is new. */
  fedisim_world_set_time (f->world, (fedisim_world_now (f->world) / 86400 + 1) * 86400 + 10);
  {
    g_autofree char *acct = g_strdup_printf ("u401@%s", fedisim_server_get_host (other));
    g_autofree char *id = account_id (f, home, token, acct);
    g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/follow", id);

    drop (call (f, home, "POST", path, token, NULL, &status, NULL));
    g_assert_cmpuint (status, ==, 200);
  }
}

static void
test_follow_cap (Fixture       *f,
                 gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint status;

  fedisim_server_add_user (server, "alice", "pw");
  fedisim_server_add_user (server, "one_more", NULL);
  fedisim_server_seed_following (server, "alice", 7500);
  token = fedisim_server_issue_token (server, "alice", "read write follow");
  id = account_id (f, server, token, "one_more");
  path = g_strdup_printf ("/api/v1/accounts/%s/follow", id);
  refused = call (f, server, "POST", path, token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  g_assert_nonnull (strstr (member (refused, "error"), "7500"));
}

/* Imports and exports */

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  FedisimServer *old = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimServer *new = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *url = g_strdup_printf ("%s/settings/exports/follows.csv", fedisim_server_get_base_url (old));
  g_autofree char *lists_url = g_strdup_printf ("%s/settings/exports/lists.csv", fedisim_server_get_base_url (old));
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_auto(GStrv) lines = NULL;

  fedisim_server_add_user (old, "alice", "pw");
  fedisim_server_seed_fixture (old, "alice", "small");
  fedisim_server_add_user (new, "alice2", "pw2");

  csv = fedisim_browser_download (f->browser, url, "alice", "pw", &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Account address,Show boosts,Notify on new posts,Languages");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12 + 1);  /* header, 12 rows, final newline */
  g_assert_true (g_str_has_suffix (lines[1], ",true,false,"));      /* newest first: k = 11 */
  g_assert_true (g_str_has_suffix (lines[9], ",false,false,"));      /* k % 7 == 3: no boosts */
  g_assert_true (g_str_has_suffix (lines[8], ",true,false,\"en, de\""));  /* quoted languages */
  g_assert_true (g_str_has_suffix (lines[7], ",true,true,"));        /* k % 11 == 5: notify */

  lists = fedisim_browser_download (f->browser, lists_url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (lists, NULL), "\"List 00, with a comma\","));

  /* The same file, uploaded on the new server: merge, then confirm. */
  fedisim_browser_clear_cookies (f->browser);
  page = fedisim_browser_upload_import (f->browser, fedisim_server_get_base_url (new), "alice2", "pw2",
                                        "following", "merge", csv, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "finished"));
  dump = fedisim_server_dump_account (new, "alice2");
  /* 12 rows; the account that has moved cannot be followed and is a failure. */
  g_assert_cmpuint (json_array_len (dump, "following"), ==, 11);
}

static void
test_import_limits (Fixture       *f,
                    gconstpointer  data)
{
  FedisimServer *home = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimServer *other = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autoptr(GString) csv = g_string_new ("Account address,Show boosts,Notify on new posts,Languages\n");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) huge_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autofree char *page = NULL;

  fedisim_server_add_user (home, "alice", "pw");
  /* 450 follows in one import: the 400-a-day limit does not apply to imports. */
  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u", i);

      fedisim_server_add_user (other, name, NULL);
      g_string_append_printf (csv, "@p%u@%s,true,false,\n", i, fedisim_server_get_host (other));
    }
  bytes = g_bytes_new (csv->str, csv->len);
  page = fedisim_browser_upload_import (f->browser, fedisim_server_get_base_url (home), "alice", "pw",
                                        "following", "merge", bytes, &error);
  g_assert_no_error (error);
  dump = fedisim_server_dump_account (home, "alice");
  g_assert_cmpuint (json_array_len (dump, "following"), ==, 450);
  g_clear_pointer (&page, g_free);

  /* More than 20,000 rows is refused up front. */
  for (guint i = 0; i < 20001; i++)
    g_string_append_printf (huge, "blocked%u.example\n", i);
  huge_bytes = g_bytes_new (huge->str, huge->len);
  page = fedisim_browser_upload_import (f->browser, fedisim_server_get_base_url (home), NULL, NULL,
                                        "domain_blocking", "merge", huge_bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "more than 20,000 rows"));
}

/* Lists, search, visibility */

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *token = NULL;
  g_autofree char *stranger = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *path = NULL;
  g_autofree char *form = NULL;
  guint status;

  fedisim_server_add_user (server, "alice", "pw");
  fedisim_server_add_user (server, "stranger", NULL);
  token = fedisim_server_issue_token (server, "alice", "read write");
  stranger = account_id (f, server, token, "stranger");

  list = call (f, server, "POST", "/api/v1/lists", token, "title=Boats&replies_policy=none&exclusive=true",
               &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (list, "replies_policy"), ==, "none");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (list), "exclusive"));

  /* Members must be followed first. */
  path = g_strdup_printf ("/api/v1/lists/%s/accounts", member (list, "id"));
  form = g_strdup_printf ("account_ids[]=%s", stranger);
  refused = call (f, server, "POST", path, token, form, &status, NULL);
  g_assert_cmpuint (status, ==, 422);

  for (guint i = 1; i < 50; i++)
    drop (call (f, server, "POST", "/api/v1/lists", token, "title=More", &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  drop (call (f, server, "POST", "/api/v1/lists", token, "title=Fifty-first", &status, NULL));
  g_assert_cmpuint (status, ==, 422);
}

static void
test_search_resolve (Fixture       *f,
                     gconstpointer  data)
{
  FedisimServer *a = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  FedisimServer *b = add_server (f, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL);
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lookup = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  fedisim_server_add_user (a, "alice", "pw");
  fedisim_server_add_user (b, "bob", "pw");
  token = fedisim_server_issue_token (a, "alice", "read");
  lookup = g_strdup_printf ("/api/v1/accounts/lookup?acct=bob@%s", fedisim_server_get_host (b));

  /* lookup knows only accounts the server has seen. */
  node = call (f, a, "GET", lookup, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&node, json_node_unref);

  path = g_strdup_printf ("/api/v2/search?q=bob@%s&resolve=true", fedisim_server_get_host (b));
  node = call (f, a, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&node, json_node_unref);

  node = call (f, a, "GET", path, token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&node, json_node_unref);
  node = call (f, a, "GET", lookup, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member (node, "username"), ==, "bob");
}

/* Faults */

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autofree char *url = g_strconcat (fedisim_server_get_base_url (server), "/api/v1/instance", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint status;

  fedisim_server_add_fault (server, "GET /api/v1/instance", FEDISIM_FAULT_STATUS, 503, 1);
  node = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 503);
  g_clear_pointer (&node, json_node_unref);
  node = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&node, json_node_unref);

  fedisim_server_add_fault (server, "*", FEDISIM_FAULT_HTML, 502, 1);
  node = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
  g_assert_null (node);
  g_assert_cmpuint (status, ==, 502);

  /* Until cleared: libsoup retries an idempotent request once on a dropped connection. */
  fedisim_server_add_fault (server, "GET /api/v1/instance", FEDISIM_FAULT_DROP, 0, 0);
  body = fedisim_browser_request (f->browser, "GET", url, NULL, NULL, NULL, &status, NULL, &error);
  g_assert_null (body);
  g_assert_nonnull (error);
  g_clear_error (&error);
  fedisim_server_clear_faults (server);

  /* Headers promise more than comes: the client sees an error or a short body. */
  fedisim_server_add_fault (server, "GET /api/v1/instance", FEDISIM_FAULT_TRUNCATE, 0, 0);
  body = fedisim_browser_request (f->browser, "GET", url, NULL, NULL, NULL, &status, NULL, &error);
  if (body != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_false (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                  g_bytes_get_size (body), NULL));
    }
  else
    g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);
  fedisim_server_clear_faults (server);

  fedisim_server_add_fault (server, "GET /api/v1/instance", FEDISIM_FAULT_LATENCY, 300, 1);
  start = g_get_monotonic_time ();
  node = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_clear_pointer (&node, json_node_unref);

  /* The server goes away and comes back on the same port. */
  fedisim_server_stop (server);
  body = fedisim_browser_request (f->browser, "GET", url, NULL, NULL, NULL, &status, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);
  g_assert_true (fedisim_server_restart (server, &error));
  node = call (f, server, "GET", "/api/v1/instance", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_tls_verification (Fixture       *f,
                       gconstpointer  data)
{
  FedisimServer *server = add_server (f, FEDISIM_FLAVOUR_MASTODON, NULL);
  g_autoptr(SoupSession) untrusting = soup_session_new ();
  g_autofree char *url = g_strconcat (fedisim_server_get_base_url (server), "/api/v1/instance", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  /* A client that does not trust the run's CA is refused: nothing turns checks off. */
  g_assert_true (g_str_has_prefix (url, "https://"));
  body = fetch (untrusting, url, NULL, &status, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fedisim/identity", test_identity);
  ADD ("/fedisim/webfinger-actor", test_webfinger_actor);
  ADD ("/fedisim/oauth/pkce", test_oauth_pkce);
  ADD ("/fedisim/oauth/redirects", test_oauth_redirects);
  ADD ("/fedisim/scopes", test_scopes);
  ADD ("/fedisim/paging", test_paging);
  ADD ("/fedisim/rate-limit/token", test_rate_limit_token);
  ADD ("/fedisim/rate-limit/follows", test_rate_limit_follows);
  ADD ("/fedisim/follow-cap", test_follow_cap);
  ADD ("/fedisim/export-import", test_export_import);
  ADD ("/fedisim/import-limits", test_import_limits);
  ADD ("/fedisim/lists", test_lists);
  ADD ("/fedisim/search-resolve", test_search_resolve);
  ADD ("/fedisim/faults", test_faults);
  ADD ("/fedisim/tls-verification", test_tls_verification);
#undef ADD

  return g_test_run ();
}
