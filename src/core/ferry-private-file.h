/* ferry-private-file.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean ferry_private_dir_make   (const char  *path,
                                   GError     **error);
gboolean ferry_private_file_write (const char  *path,
                                   const char  *contents,
                                   gssize       length,
                                   GError     **error);

void     ferry_private_file_write_async  (const char           *path,
                                          GBytes               *contents,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean ferry_private_file_write_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
