/* test-origin.c: what counts as a server's own origin
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ferry-origin.h"

/* Every address a hostile server has tried for the token (issue 12 #1, #2), and the forms the
 * server's own may take. */
static void
test_equal (void)
{
  static const struct { const char *origin; const char *uri; gboolean equal; } cases[] = {
    { "https://ours.example", "https://ours.example/api/v1/accounts?max_id=1", TRUE },
    { "https://ours.example", "HTTPS://OURS.example:443/x", TRUE },
    { "https://ours.example:8443", "https://ours.example:8443/x", TRUE },
    { "https://ours.example", "http://ours.example/x", FALSE },
    { "https://ours.example", "https://ours.example:444/x", FALSE },
    { "https://ours.example", "https://ours.example.evil/x", FALSE },
    { "https://ours.example", "https://ours.example:443@evil.example/x", FALSE },
    { "https://ours.example", "https://user@ours.example/x", FALSE },
    { "https://ours.example", "https://other.example/x", FALSE },
    { "http://ours.example", "http://ours.example/x", FALSE },   /* never over http */
    { "https://127.0.0.1:4000", "https://localhost:4000/x", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) origin = g_uri_parse (cases[i].origin, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GUri) uri = g_uri_parse (cases[i].uri, G_URI_FLAGS_NONE, NULL);

      g_test_message ("%s ~ %s", cases[i].origin, cases[i].uri);
      g_assert_nonnull (origin);
      g_assert_nonnull (uri);
      g_assert_cmpint (ferry_origin_equal (origin, uri), ==, cases[i].equal);
    }
  g_assert_false (ferry_origin_equal (NULL, NULL));
}

static void
test_describe (void)
{
  g_autoptr(GUri) uri = g_uri_parse ("https://user@host.example:8443/secret?token=1",
                                     G_URI_FLAGS_NONE, NULL);
  g_autofree char *text = ferry_origin_describe (uri);
  g_autofree char *none = ferry_origin_describe (NULL);

  /* Named to people without its user, path or query. */
  g_assert_cmpstr (text, ==, "https://host.example:8443");
  g_assert_cmpstr (none, ==, "?");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/origin/equal", test_equal);
  g_test_add_func ("/origin/describe", test_describe);
  return g_test_run ();
}
