/* test-fedisim-common.c: what the fedisim contract tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-fedisim-common.h"

void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->browser = fedisim_browser_new (f->world);
}

void
teardown (Fixture       *f,
          gconstpointer  data)
{
  fedisim_browser_free (f->browser);
  /* Let the servers see their connections close before they go. */
  fedisim_world_free (f->world);
}

FedisimServer *
add_server (Fixture        *f,
            FedisimFlavour  flavour,
            const char     *version)
{
  g_autoptr(GError) error = NULL;
  FedisimServer *server = fedisim_world_add_server (f->world, flavour, version, &error);

  g_assert_no_error (error);
  return server;
}

/* One API call; the answer parsed as JSON when it is JSON. */
JsonNode *
call (Fixture             *f,
      FedisimServer       *server,
      const char          *method,
      const char          *path,
      const char          *token,
      const char          *form,
      guint               *status,
      SoupMessageHeaders **headers)
{
  g_autofree char *url = g_strconcat (fedisim_server_get_base_url (server), path, NULL);
  g_autoptr(GBytes) body = form ? g_bytes_new (form, strlen (form)) : NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  answer = fedisim_browser_request (f->browser, method, url, token,
                                    form ? "application/x-www-form-urlencoded" : NULL, body,
                                    status, headers, &error);
  g_assert_no_error (error);
  if (g_bytes_get_size (answer) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                   g_bytes_get_size (answer), NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

/* For answers only the status of which matters. */
void
drop (JsonNode *node)
{
  if (node != NULL)
    json_node_unref (node);
}

const char *
member (JsonNode   *node,
        const char *name)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_string_member_with_default (json_node_get_object (node), name, NULL);
}

char *
account_id (Fixture       *f,
            FedisimServer *server,
            const char    *token,
            const char    *acct)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  path = g_strdup_printf ("/api/v2/search?q=%s&resolve=true&type=accounts", acct);
  node = call (f, server, "GET", path, token, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node),
                                                                         "accounts")), ==, 1);
  return g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (node),
                                                                 "accounts"), 0), "id"));
}


guint
json_array_len (JsonNode   *dump,
                const char *name)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (dump), name));
}

gboolean
dump_has (JsonNode   *dump,
          const char *list,
          const char *prefix)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (dump), list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_has_prefix (json_array_get_string_element (array, i), prefix))
      return TRUE;
  return FALSE;
}

