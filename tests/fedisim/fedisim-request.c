/* fedisim-request.c: reading requests and writing answers
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

const char *
fs_req_param (FsRequest  *req,
              const char *name)
{
  GPtrArray *values = fs_req_param_array (req, name);

  if (values == NULL || values->len == 0)
    return NULL;
  return g_ptr_array_index (values, values->len - 1);
}

/* "name" and "name[]" both: Rails takes either. */
GPtrArray *
fs_req_param_array (FsRequest  *req,
                    const char *name)
{
  g_autofree char *brackets = g_strconcat (name, "[]", NULL);
  GHashTable *tables[] = { req->form, req->query };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GPtrArray *values;

      if (tables[i] == NULL)
        continue;
      if ((values = g_hash_table_lookup (tables[i], brackets)) != NULL ||
          (values = g_hash_table_lookup (tables[i], name)) != NULL)
        return values;
    }
  return NULL;
}

gboolean
fs_req_param_bool (FsRequest  *req,
                   const char *name,
                   gboolean    default_value)
{
  const char *value = fs_req_param (req, name);

  if (value == NULL || value[0] == '\0')
    return default_value;
  /* Rails' ActiveModel::Type::Boolean: these are false, anything else true. */
  return !(g_str_equal (value, "false") || g_str_equal (value, "0") ||
           g_ascii_strcasecmp (value, "f") == 0 || g_ascii_strcasecmp (value, "off") == 0);
}

/* Mastodon's limit_param: the default, at most twice the default (or the given maximum). */
guint
fs_req_limit (FsRequest *req,
              guint      default_limit,
              guint      max_limit)
{
  const char *value = fs_req_param (req, "limit");
  gint64 limit;

  if (value == NULL)
    return default_limit;
  limit = g_ascii_strtoll (value, NULL, 10);
  if (limit <= 0)
    return default_limit;
  return (guint) MIN (limit, (gint64) max_limit);
}

FsActor *
fs_req_user (FsRequest *req)
{
  if (req->token != NULL)
    return req->token->user;
  if (req->session != NULL)
    return req->session->user;
  return NULL;
}

static void
add_api_headers (FsRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (fedisim_world_now (req->server->world));
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");

  /* The server's clock is the virtual one: clients compute waits from Date and Reset. */
  soup_message_headers_replace (headers, "Date", date);
}

void
fs_reply_text (FsRequest  *req,
               guint       status,
               const char *content_type,
               const char *text,
               gsize       len)
{
  add_api_headers (req);
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, text, len);
}

/* Takes @node. */
void
fs_reply_json_typed (FsRequest  *req,
                     guint       status,
                     const char *content_type,
                     JsonNode   *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  json_node_unref (node);
  fs_reply_text (req, status, content_type, text, len);
}

void
fs_reply_json (FsRequest *req,
               guint      status,
               JsonNode  *node)
{
  fs_reply_json_typed (req, status, "application/json; charset=utf-8", node);
}

void
fs_reply_error (FsRequest  *req,
                guint       status,
                const char *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_end_object (builder);
  fs_reply_json (req, status, json_builder_get_root (builder));
}

char *
fs_html_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

void
fs_reply_html (FsRequest  *req,
               guint       status,
               const char *title,
               const char *body_html)
{
  g_autofree char *escaped = fs_html_escape (title);
  g_autofree char *page = g_strdup_printf (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>%s - %s</title></head>\n<body>\n<h1>%s</h1>\n%s\n</body></html>\n",
    escaped, req->server->host, escaped, body_html);

  fs_reply_text (req, status, "text/html; charset=utf-8", page, strlen (page));
}

void
fs_reply_redirect (FsRequest  *req,
                   const char *location)
{
  soup_server_message_set_redirect (req->msg, SOUP_STATUS_FOUND, location);
}

/* The Link header as Mastodon's Api::Pagination writes it: the request's own URL with
 * max_id (next) or min_id (prev) and the limit. Other parameters of the request are kept,
 * except the ones Mastodon drops (exclude_direct). */
void
fs_set_link_header (FsRequest *req,
                    guint64    next_max_id,
                    guint64    prev_min_id,
                    guint      limit)
{
  static const char *kept[] = { "pinned", "only_media", "exclude_replies", "exclude_reblogs",
                                "tagged", NULL };
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autoptr(GString) link = g_string_new (NULL);

  for (guint i = 0; kept[i] != NULL; i++)
    {
      const char *value = req->query ? fs_req_param (req, kept[i]) : NULL;

      if (value != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
          g_string_append_printf (extra, "&%s=%s", kept[i], escaped);
        }
    }

  if (next_max_id != 0)
    g_string_append_printf (link, "<%s%s?limit=%u&max_id=%" G_GUINT64_FORMAT "%s>; rel=\"next\"",
                            req->server->base_url, req->path, limit, next_max_id, extra->str);
  if (prev_min_id != 0)
    g_string_append_printf (link, "%s<%s%s?limit=%u&min_id=%" G_GUINT64_FORMAT "%s>; rel=\"prev\"",
                            link->len ? ", " : "", req->server->base_url, req->path, limit,
                            prev_min_id, extra->str);
  if (link->len > 0)
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "Link", link->str);
}

static guint64
param_id (FsRequest  *req,
          const char *name)
{
  const char *value = fs_req_param (req, name);

  return value ? g_ascii_strtoull (value, NULL, 10) : 0;
}

/**
 * fs_page_rows:
 * @rows_asc: rows in ascending id order (oldest first)
 *
 * One page as Mastodon's paginate_by_max_id / paginate_by_min_id give it: newest first,
 * below max_id, above since_id; or, with min_id, the rows just above it. Sets the Link
 * header: next when the page is full, prev when it has rows.
 *
 * Returns: (transfer container): the page's rows, newest first
 */
GPtrArray *
fs_page_rows (FsRequest  *req,
              GPtrArray  *rows_asc,
              guint64   (*row_id) (gconstpointer row),
              guint       default_limit,
              guint       max_limit)
{
  guint limit = fs_req_limit (req, default_limit, max_limit);
  guint64 max_id = param_id (req, "max_id");
  guint64 since_id = param_id (req, "since_id");
  guint64 min_id = param_id (req, "min_id");
  GPtrArray *page = g_ptr_array_new ();

  if (min_id != 0)
    {
      /* The rows just above min_id, returned newest first. */
      for (guint i = 0; i < rows_asc->len && page->len < limit; i++)
        {
          gpointer row = g_ptr_array_index (rows_asc, i);
          guint64 id = row_id (row);

          if (id > min_id && (max_id == 0 || id < max_id))
            g_ptr_array_insert (page, 0, row);
        }
    }
  else
    {
      for (guint i = rows_asc->len; i > 0 && page->len < limit; i--)
        {
          gpointer row = g_ptr_array_index (rows_asc, i - 1);
          guint64 id = row_id (row);

          if ((max_id == 0 || id < max_id) && id > since_id)
            g_ptr_array_add (page, row);
        }
    }

  fs_set_link_header (req,
                      page->len == limit && page->len > 0
                        ? row_id (g_ptr_array_index (page, page->len - 1)) : 0,
                      page->len > 0 ? row_id (g_ptr_array_index (page, 0)) : 0,
                      limit);
  return page;
}

static char *
random_hex (guint n_bytes)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n_bytes; i++)
    g_string_append_printf (str, "%02x", g_random_int_range (0, 256));
  return g_string_free (str, FALSE);
}

static void
session_free (FsSession *session)
{
  g_free (session->id);
  g_free (session->csrf);
  g_free (session->return_to);
  g_free (session);
}

/* The browser session behind the _session_id cookie, made when there is none. */
FsSession *
fs_session_ensure (FsRequest *req)
{
  FsSession *session;
  g_autofree char *cookie = NULL;

  if (req->session != NULL)
    return req->session;

  if (req->server->sessions == NULL)
    req->server->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                   (GDestroyNotify) session_free);

  session = g_new0 (FsSession, 1);
  session->id = random_hex (16);
  session->csrf = random_hex (16);
  g_hash_table_insert (req->server->sessions, session->id, session);
  req->session = session;

  cookie = g_strdup_printf ("_session_id=%s; path=/; HttpOnly; SameSite=Lax", session->id);
  soup_message_headers_append (soup_server_message_get_response_headers (req->msg),
                               "Set-Cookie", cookie);
  return session;
}
