/* ferry-cli-server.c: `ferry-cli server …`, the server move journey's commands
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand lives in its own file (ferry-cli-server-SUB.c); this file only finds it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ferry-cli-output.h"
#include "ferry-cli-private.h"

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *description;
  int (*func) (int    argc,
               char **argv);
} ServerCommand;

/* One line per subcommand (plan, inspect, dump, pack, probe). */
static const ServerCommand subcommands[] = {
  { NULL, NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: ferry-cli server COMMAND …"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (subcommands[i].func != NULL)
      fprintf (stream, "  %s\n      %s\n", subcommands[i].synopsis,
               _(subcommands[i].description));
}

int
ferry_cli_command_server (int    argc,
                          char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (subcommands[i].name != NULL && g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (argc - 1, argv + 1);
  g_printerr (_("ferry-cli: “%s” is not a server command. See “ferry-cli server help”.\n"),
              ferry_cli_safe (argv[1]));
  return 2;
}
