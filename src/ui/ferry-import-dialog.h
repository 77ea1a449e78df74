/* ferry-import-dialog.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-community.h"

G_BEGIN_DECLS

#define FERRY_TYPE_IMPORT_DIALOG (ferry_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerryImportDialog, ferry_import_dialog, FERRY, IMPORT_DIALOG, AdwWindow)

/* Adds members to @community from pasted text or a file; emits "imported" (guint n_added,
 * guint n_skipped) and closes. */
GtkWidget *ferry_import_dialog_new       (FerryCommunity    *community);
/* Adds the members of @file (what the file chooser's answer does). */
void       ferry_import_dialog_add_file  (FerryImportDialog *self,
                                          GFile             *file);

G_END_DECLS
