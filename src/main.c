/* main.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FerryApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Ferry"));

  app = ferry_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
