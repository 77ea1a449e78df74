/* fedisim-server.c: one simulated server: its accounts, its routes, and what it checks
 * before any handler runs (token, scopes, require_user!, rate limits, faults)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

static const FsRoute *route_tables[] = {
  fs_community_routes, fs_posting_first_routes,
  fs_meta_routes, fs_oauth_routes, fs_oauth_token_routes, fs_account_routes,
  fs_collection_routes, fs_migration_routes,
  fs_web_routes,
  fs_posting_routes,
};

/* api_versions.mastodon of each release (api-facts §2.2); 4.2 had none. */
static int
api_version_for (const char *version)
{
  if (g_str_has_prefix (version, "4.3"))
    return 2;
  if (g_str_has_prefix (version, "4.4"))
    return 6;
  if (g_str_has_prefix (version, "4.5"))
    return 7;
  if (g_str_has_prefix (version, "4.6"))
    return 11;
  return 0;
}

static void
str_array_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static void
fsapp_free (FsApp *app)
{
  g_free (app->client_id);
  g_free (app->client_secret);
  g_free (app->name);
  g_free (app->website);
  g_strfreev (app->redirect_uris);
  g_free (app->scopes);
  g_free (app);
}

static void
token_free (FsToken *token)
{
  g_free (token->token);
  g_strfreev (token->scopes);
  g_free (token);
}

static void
grant_free (FsGrant *grant)
{
  g_free (grant->code);
  g_free (grant->redirect_uri);
  g_free (grant->scopes);
  g_free (grant->challenge);
  g_free (grant);
}

static void
import_free (FsImport *import)
{
  g_free (import->type);
  g_free (import->mode);
  g_ptr_array_unref (import->rows);
  g_clear_pointer (&import->seen, g_ptr_array_unref);
  g_free (import);
}

static void
fault_free (FsFaultRule *rule)
{
  g_free (rule->route);
  g_free (rule);
}

FsActor *
fs_server_find_local (FedisimServer *server,
                      const char    *username)
{
  for (guint i = 0; i < server->actors->len; i++)
    {
      FsActor *actor = g_ptr_array_index (server->actors, i);

      if (g_ascii_strcasecmp (actor->username, username) == 0)
        return actor;
    }
  return NULL;
}

/* Request handling */

static void
add_param (GHashTable *table,
           const char *name,
           const char *value)
{
  GPtrArray *values = g_hash_table_lookup (table, name);

  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (name), values);
    }
  g_ptr_array_add (values, g_strdup (value));
}

/* x-www-form-urlencoded, keeping repeated keys (id[]=1&id[]=2), which soup_form_decode
 * does not. */
static GHashTable *
decode_form (const char *text)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, str_array_free);
  g_auto(GStrv) pairs = NULL;

  if (text == NULL)
    return table;

  pairs = g_strsplit (text, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (pairs[i][0] == '\0')
        continue;
      for (char *p = pairs[i]; *p; p++)
        if (*p == '+')
          *p = ' ';
      if (eq != NULL)
        *eq = '\0';
      name = g_uri_unescape_string (pairs[i], NULL);
      value = eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
      if (name != NULL && value != NULL)
        add_param (table, name, value);
    }
  return table;
}

static void
add_json_params (GHashTable *table,
                 const char *prefix,
                 JsonNode   *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *name = prefix ? g_strdup_printf ("%s[%s]", prefix, (char *) l->data)
                                         : g_strdup (l->data);

          add_json_params (table, name, json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autofree char *name = g_strdup_printf ("%s[]", prefix);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element))
            add_json_params (table, name, element);
          else
            {
              g_autofree char *indexed = g_strdup_printf ("%s[%u]", prefix, i);
              add_json_params (table, indexed, element);
            }
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && prefix != NULL)
    {
      GValue value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      json_node_get_value (node, &value);
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      else if (G_VALUE_HOLDS_BOOLEAN (&value))
        text = g_strdup (g_value_get_boolean (&value) ? "true" : "false");
      else if (G_VALUE_HOLDS_INT64 (&value))
        text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
      else if (G_VALUE_HOLDS_DOUBLE (&value))
        text = g_strdup_printf ("%g", g_value_get_double (&value));
      g_value_unset (&value);
      if (text != NULL)
        add_param (table, prefix, text);
    }
}

static void
parse_body (FsRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;

  req->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_bytes_unref);
  req->file_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (body == NULL || body->length == 0 || type == NULL)
    {
      req->form = decode_form (NULL);
      return;
    }

  bytes = soup_message_body_flatten (body);

  if (g_str_equal (type, "application/x-www-form-urlencoded"))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      req->form = decode_form (text);
    }
  else if (g_str_equal (type, "multipart/form-data"))
    {
      g_autoptr(SoupMultipart) multipart = soup_multipart_new_from_message (headers, bytes);

      req->form = decode_form (NULL);
      for (int i = 0; multipart && i < soup_multipart_get_length (multipart); i++)
        {
          SoupMessageHeaders *part_headers;
          GBytes *part_body;
          g_autoptr(GHashTable) params = NULL;
          const char *name;
          const char *filename;

          if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
              !soup_message_headers_get_content_disposition (part_headers, NULL, &params))
            continue;
          name = g_hash_table_lookup (params, "name");
          filename = g_hash_table_lookup (params, "filename");
          if (name == NULL)
            continue;
          if (filename != NULL)
            {
              const char *part_type = soup_message_headers_get_content_type (part_headers, NULL);

              g_hash_table_replace (req->files, g_strdup (name), g_bytes_ref (part_body));
              g_hash_table_replace (req->file_types, g_strdup (name),
                                    g_strdup (part_type ? part_type : "application/octet-stream"));
            }
          else
            {
              g_autofree char *value = g_strndup (g_bytes_get_data (part_body, NULL),
                                                  g_bytes_get_size (part_body));
              add_param (req->form, name, value);
            }
        }
    }
  else if (g_str_equal (type, "application/json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      req->form = decode_form (NULL);
      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        add_json_params (req->form, NULL, json_parser_get_root (parser));
    }
  else
    req->form = decode_form (NULL);
}

static gboolean
match_route (const FsRoute *route,
             const char    *method,
             const char    *path,
             char        ***args)
{
  g_auto(GStrv) want = NULL;
  g_auto(GStrv) have = NULL;
  g_autoptr(GPtrArray) values = NULL;

  if (!g_str_equal (route->method, method) &&
      !(g_str_equal (route->method, "GET") && g_str_equal (method, "HEAD")))
    return FALSE;

  want = g_strsplit (route->pattern, "/", -1);
  have = g_strsplit (path, "/", -1);
  if (g_strv_length (want) != g_strv_length (have))
    return FALSE;

  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; want[i] != NULL; i++)
    {
      if (want[i][0] == ':')
        {
          g_autofree char *value = g_uri_unescape_string (have[i], NULL);

          if (have[i][0] == '\0' || value == NULL)
            return FALSE;
          g_ptr_array_add (values, g_steal_pointer (&value));
        }
      else if (!g_str_equal (want[i], have[i]))
        return FALSE;
    }

  g_ptr_array_add (values, NULL);
  *args = (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
  return TRUE;
}

static const FsRoute *
find_route (FedisimServer *server,
            const char    *method,
            const char    *path,
            char        ***args)
{
  for (guint t = 0; t < G_N_ELEMENTS (route_tables); t++)
    for (const FsRoute *route = route_tables[t]; route->pattern != NULL; route++)
      {
        if (route->flavours != 0 && !(route->flavours & FS_F (server->flavour)))
          continue;
        if (match_route (route, method, path, args))
          return route;
      }
  return NULL;
}

static FsToken *
find_token (FedisimServer *server,
            const char    *value)
{
  for (guint i = 0; i < server->tokens->len; i++)
    {
      FsToken *token = g_ptr_array_index (server->tokens, i);

      if (g_str_equal (token->token, value))
        return token;
    }
  return NULL;
}

static gboolean
token_has_scope (FsToken    *token,
                 const char *accepted)
{
  g_auto(GStrv) wanted = g_strsplit (accepted, " ", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) token->scopes, wanted[i]))
      return TRUE;
  return FALSE;
}

static FsFaultRule *
take_fault (FedisimServer *server,
            const char    *route)
{
  for (guint i = 0; i < server->faults->len; i++)
    {
      FsFaultRule *rule = g_ptr_array_index (server->faults, i);

      if (!g_str_equal (rule->route, "*") && !g_str_equal (rule->route, route))
        continue;
      if (rule->remaining > 0 && --rule->remaining == 0)
        {
          FsFaultRule *copy = g_memdup2 (rule, sizeof *rule);

          copy->route = NULL;
          g_ptr_array_remove_index (server->faults, i);
          return copy;      /* the last time: the caller frees it */
        }
      return g_memdup2 (rule, sizeof *rule);
    }
  return NULL;
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

/* Writes the headers of the whole answer, then half of its body, and closes. */
static void
truncate_answer (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *head = NULL;
  gsize len = g_bytes_get_size (bytes);

  head = g_strdup_printf ("HTTP/1.1 %u OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          soup_server_message_get_status (msg), len);
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, strlen (head),
                             NULL, NULL, NULL);
  g_output_stream_write_all (g_io_stream_get_output_stream (stream),
                             g_bytes_get_data (bytes, NULL), len / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
count (GHashTable *table,
       char       *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, key, GUINT_TO_POINTER (n + 1));
}

static void
request_free (FsRequest *req)
{
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->form, g_hash_table_unref);
  g_clear_pointer (&req->files, g_hash_table_unref);
  g_clear_pointer (&req->file_types, g_hash_table_unref);
  g_strfreev (req->args);
  g_free (req);
}

static FsSession *
find_session (FedisimServer     *server,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *cookie = soup_message_headers_get_one (headers, "Cookie");
  g_auto(GStrv) parts = NULL;

  if (cookie == NULL || server->sessions == NULL)
    return NULL;
  parts = g_strsplit (cookie, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "_session_id="))
        return g_hash_table_lookup (server->sessions, part + strlen ("_session_id="));
    }
  return NULL;
}

/* Everything Mastodon's controllers check before the action itself. Returns FALSE when an
 * answer was already given. */
static gboolean
check_access (FsRequest     *req,
              const FsRoute *route)
{
  FedisimServer *server = req->server;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  FsActor *user;

  if (authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    {
      req->token = find_token (server, authorization + strlen ("Bearer "));
      if (req->token == NULL)
        {
          fs_reply_error (req, 401, "The access token is invalid");
          return FALSE;
        }
      if (req->token->revoked)
        {
          fs_reply_error (req, 401, "The access token was revoked");
          return FALSE;
        }
    }

  if (req->api && !fs_rate_check (req))
    return FALSE;

  if (route->flags & (FS_ROUTE_SESSION | FS_ROUTE_SESSION_ANY))
    {
      if (req->session == NULL || req->session->user == NULL)
        {
          FsSession *session = fs_session_ensure (req);
          const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));

          g_free (session->return_to);
          session->return_to = query ? g_strconcat (req->path, "?", query, NULL)
                                     : g_strdup (req->path);
          fs_reply_redirect (req, "/auth/sign_in");
          return FALSE;
        }
      if ((route->flags & FS_ROUTE_SESSION) && !fs_actor_functional (req->session->user))
        {
          /* require_functional!: a moved account is sent to its account page. */
          fs_reply_redirect (req, "/settings/migration");
          return FALSE;
        }
      return TRUE;
    }

  if (route->flags & (FS_ROUTE_USER | FS_ROUTE_USER_MOVED))
    {
      if (req->token == NULL)
        {
          fs_reply_error (req, 401, "The access token is invalid");
          return FALSE;
        }
      if (route->scopes != NULL && !token_has_scope (req->token, route->scopes))
        {
          fs_reply_error (req, 403, "This action is outside the authorized scopes");
          return FALSE;
        }
      user = req->token->user;
      if (user == NULL)
        {
          fs_reply_error (req, 422, "This method requires an authenticated user");
          return FALSE;
        }
      if (!(route->flags & FS_ROUTE_USER_MOVED) && !fs_actor_functional (user))
        {
          /* Mastodon's require_user!: api-facts §0.2. GoToSocial lets a moved account read. */
          if (server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL && !g_str_equal (req->method, "GET"))
            {
              /* gotosocial internal/api/util/errorhandling.go ForbiddenAfterMove */
              fs_reply_error (req, 403, "your account has Moved or is currently Moving; you cannot "
                                        "take create or update type actions");
              return FALSE;
            }
          if (server->flavour != FEDISIM_FLAVOUR_GOTOSOCIAL)
            {
              fs_reply_error (req, 403, "Your login is currently disabled");
              return FALSE;
            }
        }
      return TRUE;
    }

  /* Public endpoints: a token without the scope is refused all the same. */
  if (req->token != NULL && route->scopes != NULL && !token_has_scope (req->token, route->scopes))
    {
      fs_reply_error (req, 403, "This action is outside the authorized scopes");
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  FsRequest     *req;
  FsFaultRule   *fault;
  const FsRoute *route;
  guint          source;
  gulong         disconnected;
} FsDelayed;

static void finish_request (FsRequest     *req,
                            const FsRoute *route,
                            FsFaultRule   *fault);

static gboolean
delayed_cb (gpointer data)
{
  FsDelayed *delayed = data;
  SoupServerMessage *msg = delayed->req->msg;

  g_signal_handler_disconnect (msg, delayed->disconnected);
  soup_server_message_unpause (msg);
  finish_request (delayed->req, delayed->route, NULL);
  g_object_unref (msg);
  g_free (delayed->fault);
  g_free (delayed);
  return G_SOURCE_REMOVE;
}

/* The client went away while the answer was held back (it cancelled): drop it. */
static void
delayed_disconnected_cb (SoupServerMessage *msg,
                         FsDelayed         *delayed)
{
  g_signal_handler_disconnect (msg, delayed->disconnected);
  g_source_remove (delayed->source);
  request_free (delayed->req);
  g_free (delayed->fault);
  g_free (delayed);
  g_object_unref (msg);
}

/* A server whose clock is off, or a hostile one: the rate-limit headers stay true. */
static void
skew_date (FsRequest *req,
           gint       seconds)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  gint64 now = fedisim_world_now (req->server->world);
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (now + seconds);
  g_autofree char *text = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S GMT");

  soup_message_headers_replace (headers, "Date", seconds != 0 ? text : "not a date at all");
}

static void
finish_request (FsRequest     *req,
                const FsRoute *route,
                FsFaultRule   *fault)
{
  FedisimServer *server = req->server;

  if (fault != NULL)
    {
      switch (fault->fault)
        {
        case FEDISIM_FAULT_LATENCY:
          {
            FsDelayed *delayed = g_new0 (FsDelayed, 1);

            delayed->req = req;
            delayed->route = route;
            delayed->fault = fault;
            g_object_ref (req->msg);
            delayed->disconnected = g_signal_connect (req->msg, "disconnected",
                                                      G_CALLBACK (delayed_disconnected_cb), delayed);
            soup_server_message_pause (req->msg);
            delayed->source = g_timeout_add (fault->value, delayed_cb, delayed);
            return;
          }

        case FEDISIM_FAULT_STATUS:
          fs_reply_error (req, fault->value, fault->value >= 500 ? "Internal Server Error"
                                                                 : "Injected error");
          goto done;

        case FEDISIM_FAULT_HTML:
          fs_reply_html (req, fault->value ? fault->value : 502, "We're sorry, but something went wrong",
                         "<p>The server is having problems. Please try again later.</p>");
          goto done;

        case FEDISIM_FAULT_DROP:
          drop_connection (req->msg);
          goto done;

        case FEDISIM_FAULT_TRUNCATE:
        case FEDISIM_FAULT_SKEWED_DATE:
        case FEDISIM_FAULT_NONE:
        default:
          break;
        }
    }

  if (route == NULL)
    {
      if (req->api)
        fs_reply_error (req, 404, "Record not found");
      else
        fs_reply_html (req, 404, "The page you were looking for doesn't exist", "<p>404</p>");
    }
  else if (check_access (req, route))
    route->handler (req);

  if (fault != NULL && fault->fault == FEDISIM_FAULT_TRUNCATE)
    truncate_answer (req->msg);
  if (fault != NULL && fault->fault == FEDISIM_FAULT_SKEWED_DATE)
    skew_date (req, (gint) fault->value);

done:
  count (server->status_counts,
         g_strdup_printf ("%u", soup_server_message_get_status (req->msg)));
  g_free (fault);
  request_free (req);
}

static void
server_callback (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *unused_query,
                 gpointer           user_data)
{
  FedisimServer *server = user_data;
  FsRequest *req = g_new0 (FsRequest, 1);
  const char *method = soup_server_message_get_method (msg);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  const FsRoute *route;
  char **args = NULL;

  fs_world_catch_up (server->world);
  req->server = server;
  req->msg = msg;
  req->method = method;
  req->path = path;
  req->api = g_str_has_prefix (path, "/api/");
  req->query = decode_form (query);
  req->session = find_session (server, msg);
  parse_body (req);

  route = find_route (server, method, path, &args);
  req->args = args;
  req->route = route ? route->pattern : NULL;

  {
    g_autofree char *key = g_strdup_printf ("%s %s", route ? route->method : method,
                                            route ? route->pattern : path);
    FsFaultRule *fault = take_fault (server, key);

    count (server->request_counts, g_steal_pointer (&key));
    finish_request (req, route, fault);
  }
}

void
fs_server_attach (FedisimServer *server)
{
  soup_server_add_handler (server->soup, NULL, server_callback, server, NULL);
}

static gboolean
listen (FedisimServer  *server,
        GError        **error)
{
  SoupServerListenOptions options = 0;

  if (server->world->certificate != NULL)
    {
      server->soup = soup_server_new ("tls-certificate", server->world->certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  else
    server->soup = soup_server_new (NULL, NULL);

  fs_server_attach (server);

  if (server->port != 0)
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, server->port);

      if (!soup_server_listen (server->soup, address, options, error))
        {
          g_clear_object (&server->soup);
          return FALSE;
        }
    }
  else if (!soup_server_listen_local (server->soup, 0, options | SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_clear_object (&server->soup);
      return FALSE;
    }

  if (server->port == 0)
    {
      GSList *uris = soup_server_get_uris (server->soup);

      server->port = g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }
  return TRUE;
}

FedisimServer *
fs_server_new (FedisimWorld   *world,
               FedisimFlavour  flavour,
               const char     *version,
               GError        **error)
{
  FedisimServer *server = g_new0 (FedisimServer, 1);

  server->world = world;
  server->flavour = flavour;
  if (version == NULL)
    version = flavour == FEDISIM_FLAVOUR_GOTOSOCIAL ? "0.19.1" :
              flavour == FEDISIM_FLAVOUR_AKKOMA ? "3.15.2" :
              flavour == FEDISIM_FLAVOUR_LEGACY ? "2.59" : "4.5.0";   /* snac before it followed Move */
  server->version = g_strdup (version);
  server->api_version = flavour == FEDISIM_FLAVOUR_MASTODON ? api_version_for (version) : 0;
  server->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) fs_actor_free);
  server->ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  server->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->status_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  server->status_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->apps = g_ptr_array_new_with_free_func ((GDestroyNotify) fsapp_free);
  server->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  server->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) grant_free);
  server->imports = g_ptr_array_new_with_free_func ((GDestroyNotify) import_free);
  server->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  server->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->status_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_free);
  server->seen_moves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->next_id = 109000000000000000 + g_random_int_range (0, 1000) * 1000000;

  if (!listen (server, error))
    {
      fs_server_free (server);
      return NULL;
    }

  server->host = g_strdup_printf ("127.0.0.1:%u", server->port);
  server->base_url = g_strdup_printf ("%s://%s", world->certificate ? "https" : "http",
                                      server->host);
  return server;
}

void
fs_server_free (FedisimServer *server)
{
  if (server->soup != NULL)
    {
      soup_server_disconnect (server->soup);
      g_clear_object (&server->soup);
    }
  fs_posting_free (server->posting);
  g_clear_pointer (&server->community, fs_community_free);
  g_ptr_array_unref (server->actors);
  g_hash_table_unref (server->ids);
  g_hash_table_unref (server->by_id);
  g_hash_table_unref (server->status_ids);
  g_hash_table_unref (server->status_by_id);
  g_ptr_array_unref (server->apps);
  g_ptr_array_unref (server->tokens);
  g_ptr_array_unref (server->grants);
  g_clear_pointer (&server->sessions, g_hash_table_unref);
  g_ptr_array_unref (server->imports);
  g_hash_table_unref (server->counters);
  g_hash_table_unref (server->request_counts);
  g_hash_table_unref (server->status_counts);
  g_ptr_array_unref (server->faults);
  g_hash_table_unref (server->seen_moves);
  g_free (server->nodeinfo_href);
  g_free (server->version);
  g_free (server->host);
  g_free (server->base_url);
  g_free (server);
}
