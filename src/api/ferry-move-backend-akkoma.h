/* ferry-move-backend-akkoma.h: Akkoma and Pleroma: alias and move through their API
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_BACKEND_AKKOMA (ferry_move_backend_akkoma_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveBackendAkkoma, ferry_move_backend_akkoma, FERRY, MOVE_BACKEND_AKKOMA,
                      FerryMoveBackend)

G_END_DECLS
