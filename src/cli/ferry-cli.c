/* ferry-cli.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ferry-cli: the same core as the app, without a window, for scripts and tests.
 * Each command is one entry in the table below; `ferry-cli help` lists them. */

typedef int (*FerryCliCommandFunc) (int    argc,
                                    char **argv);

typedef struct
{
  const char          *name;
  const char          *synopsis;
  const char          *description;
  FerryCliCommandFunc  func;
} FerryCliCommand;

static int command_help    (int    argc,
                            char **argv);
static int command_version (int    argc,
                            char **argv);

static const FerryCliCommand commands[] = {
  { "help", "help", N_("Show the commands and what they do"), command_help },
  { "version", "version", N_("Show the version"), command_version },
};

static void
print_usage (FILE *stream)
{
  gsize width = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].synopsis));

  fprintf (stream, "%s\n  ferry-cli [--version] [--help] %s\n\n%s\n",
           _("Usage:"), _("COMMAND [ARGUMENTS…]"), _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", (int) width, commands[i].synopsis,
             _(commands[i].description));
  fprintf (stream, "\n%s\n",
           _("Ferry moves a Mastodon-compatible account from one server to another."));
}

static int
command_help (int    argc,
              char **argv)
{
  print_usage (stdout);
  return EXIT_SUCCESS;
}

static int
command_version (int    argc,
                 char **argv)
{
  g_print ("ferry-cli %s\n", PACKAGE_VERSION);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("ferry-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    name = "help";
  else if (g_str_equal (name, "--version"))
    name = "version";

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  /* Translators: %s is what the person typed as a command */
  g_printerr (_("ferry-cli: “%s” is not a command. See “ferry-cli help”.\n"), name);
  return 2;
}
