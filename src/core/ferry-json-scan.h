/* ferry-json-scan.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ferry_json_scan_members (const char  *line,
                                  gsize        length,
                                  const char **keys,
                                  guint        n_keys,
                                  char       **values);

G_END_DECLS
