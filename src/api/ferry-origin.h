/* ferry-origin.h: whether an address is a server's own origin
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ferry_origin_is_https (GUri *uri);
gboolean  ferry_origin_equal    (GUri *origin,
                                 GUri *uri);
char     *ferry_origin_describe (GUri *uri);

G_END_DECLS
