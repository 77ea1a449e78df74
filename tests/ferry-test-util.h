/* ferry-test-util.h: what Ferry's tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void          ferry_test_got_result   (GObject       *object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
GAsyncResult *ferry_test_wait_for     (GAsyncResult **slot);
void          ferry_test_remove_tree  (const char    *path);

G_END_DECLS
