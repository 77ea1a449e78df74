/* test-json-scan.c: the journal line scan gives what a parse gives, or gives up
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "ferry-json-scan.h"

/* What json-glib writes for an object, scanned: the same strings a parse reads. */
static void
test_same_as_parse (void)
{
  static const char *lines[] = {
    "{\"id\":\"1\",\"acct\":\"a@b.example\",\"note\":\"\"}",
    "{\"account\":{\"id\":\"9\",\"acct\":\"x\"},\"tags\":[\"id\",{\"id\":\"7\"}],\"id\":\"3\"}",
    "{\"id\":12,\"acct\":null,\"note\":\"ümlaut – ok\",\"uri\":\"https://e.example/1\"}",
    "{\"content\":\"a \\\"quote\\\", a } and a ]\",\"acct\":\"c@d\",\"n\":-1.5e3,\"t\":true}",
    "{}",
  };
  const char *keys[] = { "id", "acct", "note", "uri" };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      char *values[4];
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      g_test_message ("%s", lines[i]);
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (ferry_json_scan_members (lines[i], strlen (lines[i]), keys, 4, values));
      for (guint k = 0; k < 4; k++)
        {
          JsonNode *node = json_object_get_member (object, keys[k]);
          const char *parsed = node && JSON_NODE_HOLDS_VALUE (node) &&
                               json_node_get_value_type (node) == G_TYPE_STRING
                                 ? json_node_get_string (node) : NULL;

          g_assert_cmpstr (values[k], ==, parsed);
          g_free (values[k]);
        }
    }
}

/* Where it cannot follow, it says so (the caller parses): a damaged line, a wanted string with
 * an escape, no object. */
static void
test_gives_up (void)
{
  static const char *lines[] = {
    "{\"id\":\"1\",\"acct\":\"a@b",            /* cut off */
    "{\"id\":\"1\",\"acct\":\"a\"} trailing",
    "{\"id\":\"1\" \"acct\":\"a\"}",             /* no comma */
    "{\"note\":\"line\\nbreak\",\"id\":\"1\"}",   /* a wanted string with an escape */
    "[\"id\",\"1\"]",
    "",
  };
  const char *keys[] = { "id", "note" };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      char *values[2] = { (char *) "x", (char *) "x" };

      g_test_message ("%s", lines[i]);
      g_assert_false (ferry_json_scan_members (lines[i], strlen (lines[i]), keys, 2, values));
      g_assert_null (values[0]);
      g_assert_null (values[1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-scan/same-as-parse", test_same_as_parse);
  g_test_add_func ("/json-scan/gives-up", test_gives_up);
  return g_test_run ();
}
