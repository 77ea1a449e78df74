/* fedisim-browse.c: the scripted browser as a program, for tests of other programs
 * (ferry-cli login): opens an authorization URL, signs in, authorizes, and follows the
 * redirect to the app's loopback listener, or prints the code shown.
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fedisim-browse --ca-file CA --user NAME --password PW URL
 */

#include "config.h"

#include <locale.h>

#include "fedisim-browser.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ca_file = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  GOptionEntry entries[] = {
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, "The test CA", "FILE" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "Sign in as", "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, "Password", "PW" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("URL");
  g_autoptr(GError) error = NULL;
  g_autoptr(FedisimBrowser) browser = NULL;
  g_autofree char *result = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || ca_file == NULL)
    {
      g_printerr ("fedisim-browse: %s\n", error ? error->message : "--ca-file and a URL are needed");
      return 2;
    }
  browser = fedisim_browser_new_for_ca_file (ca_file, &error);
  if (browser == NULL ||
      (result = fedisim_browser_authorize (browser, argv[1], user, password, &error)) == NULL)
    {
      g_printerr ("fedisim-browse: %s\n", error->message);
      return 1;
    }
  if (g_str_has_prefix (result, "http://") || g_str_has_prefix (result, "https://"))
    {
      guint status = 0;
      g_autofree char *page = fedisim_browser_visit (browser, result, &status, &error);

      if (page == NULL)
        {
          g_printerr ("fedisim-browse: %s\n", error->message);
          return 1;
        }
      g_print ("visited %u\n", status);
      return status == 200 ? 0 : 1;
    }
  g_print ("%s\n", result);
  return 0;
}
