/* ferry-move-next.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ferry-move.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_NEXT (ferry_move_next_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveNext, ferry_move_next, FERRY, MOVE_NEXT, GtkBox)

const char *ferry_move_next_show (FerryMoveNext *self,
                                  FerryMove     *move,
                                  const char    *instruction);

G_END_DECLS
