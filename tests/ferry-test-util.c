/* ferry-test-util.c: what Ferry's tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ferry-test-util.h"

/* An async callback that keeps the result in *@user_data (a GAsyncResult *, NULL before). */
void
ferry_test_got_result (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until ferry_test_got_result() filled @slot. */
GAsyncResult *
ferry_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Removes a temporary folder and everything in it. */
void
ferry_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ferry_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
