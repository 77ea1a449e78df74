/* ferry-move-backend-mastodon.h: Mastodon: alias and move on its web forms, watched for
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_BACKEND_MASTODON (ferry_move_backend_mastodon_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveBackendMastodon, ferry_move_backend_mastodon,
                      FERRY, MOVE_BACKEND_MASTODON, FerryMoveBackend)

G_END_DECLS
