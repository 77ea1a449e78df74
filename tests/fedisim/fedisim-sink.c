/* fedisim-sink.c: another origin on loopback that writes down whatever reaches it
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a hostile server points Ferry (a Link, a redirect): tests assert that nothing with the
 * token, and nothing at all over plain http, ever arrives here. It answers 200 "[]" to anything,
 * as a host that wants the request to look successful would.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

struct _FedisimSink
{
  SoupServer *soup;
  char       *base_url;
  GPtrArray  *requests;   /* char*: "METHOD path\nName: value\n…" */
  GPtrArray  *headers;    /* SoupMessageHeaders*, one per request */
};

static void
sink_callback (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FedisimSink *sink = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  SoupMessageHeaders *copy = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  GString *line = g_string_new (NULL);
  const char *name, *value;

  g_string_append_printf (line, "%s %s\n", soup_server_message_get_method (msg), path);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      soup_message_headers_append (copy, name, value);
      /* The token itself is not written down, only that it came. */
      if (g_ascii_strcasecmp (name, "Authorization") == 0)
        value = "(present)";
      g_string_append_printf (line, "%s: %s\n", name, value);
    }
  g_ptr_array_add (sink->requests, g_string_free (line, FALSE));
  g_ptr_array_add (sink->headers, copy);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "[]", 2);
}

/**
 * fedisim_sink_new:
 * @https: TLS with the world's certificate (which names 127.0.0.1 and localhost), or plain http
 * @host: (nullable): "localhost" (another host) or "127.0.0.1" (the default: another port)
 */
FedisimSink *
fedisim_sink_new (FedisimWorld  *world,
                  gboolean       https,
                  const char    *host,
                  GError       **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  FedisimSink *sink = g_new0 (FedisimSink, 1);
  GSList *uris;

  g_return_val_if_fail (!https || world->certificate != NULL, NULL);

  sink->soup = https ? soup_server_new ("tls-certificate", world->certificate, NULL)
                     : soup_server_new (NULL, NULL);
  sink->requests = g_ptr_array_new_with_free_func (g_free);
  sink->headers = g_ptr_array_new_with_free_func ((GDestroyNotify) soup_message_headers_unref);
  soup_server_add_handler (sink->soup, NULL, sink_callback, sink, NULL);
  if (!soup_server_listen (sink->soup, address, https ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    {
      fedisim_sink_free (sink);
      return NULL;
    }
  uris = soup_server_get_uris (sink->soup);
  sink->base_url = g_strdup_printf ("%s://%s:%d", https ? "https" : "http",
                                    host ? host : "127.0.0.1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return sink;
}

void
fedisim_sink_free (FedisimSink *sink)
{
  if (sink == NULL)
    return;
  soup_server_disconnect (sink->soup);
  g_clear_object (&sink->soup);
  g_ptr_array_unref (sink->requests);
  g_ptr_array_unref (sink->headers);
  g_free (sink->base_url);
  g_free (sink);
}

const char *
fedisim_sink_get_base_url (FedisimSink *sink)
{
  return sink->base_url;
}

guint
fedisim_sink_request_count (FedisimSink *sink)
{
  return sink->requests->len;
}

/* How many of the requests that came carried @header. */
guint
fedisim_sink_header_count (FedisimSink *sink,
                           const char  *header)
{
  guint n = 0;

  for (guint i = 0; i < sink->headers->len; i++)
    if (soup_message_headers_get_one (g_ptr_array_index (sink->headers, i), header) != NULL)
      n++;
  return n;
}

/* Every request, for a failing test's message. */
char *
fedisim_sink_describe (FedisimSink *sink)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sink->requests->len; i++)
    g_string_append (text, g_ptr_array_index (sink->requests, i));
  return g_string_free (text, FALSE);
}
