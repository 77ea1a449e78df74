/* ferry-move-backend-misskey.h: Misskey and its forks: alias and move on its web page
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_BACKEND_MISSKEY (ferry_move_backend_misskey_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveBackendMisskey, ferry_move_backend_misskey,
                      FERRY, MOVE_BACKEND_MISSKEY, FerryMoveBackend)

G_END_DECLS
