/* ferry-move-backend-gts.h: GoToSocial: alias and move through its API
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_BACKEND_GTS (ferry_move_backend_gts_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveBackendGts, ferry_move_backend_gts, FERRY, MOVE_BACKEND_GTS,
                      FerryMoveBackend)

G_END_DECLS
