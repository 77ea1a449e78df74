/* ferry-move-policy.h: how a server moves accounts, in words for people
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

char *ferry_move_describe_way    (FerryMoveWay     way);
char *ferry_move_describe_server (FerryServerInfo *info);

G_END_DECLS
