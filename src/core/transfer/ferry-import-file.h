/* ferry-import-file.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FERRY_TYPE_IMPORT_FILE (ferry_import_file_get_type ())

G_DECLARE_FINAL_TYPE (FerryImportFile, ferry_import_file, FERRY, IMPORT_FILE, GObject)

FerryImportFile *ferry_import_file_new       (const char      *kind,
                                              const char      *title,
                                              const char      *path);
const char      *ferry_import_file_get_kind  (FerryImportFile *self);
const char      *ferry_import_file_get_title (FerryImportFile *self);
const char      *ferry_import_file_get_path  (FerryImportFile *self);

G_END_DECLS
