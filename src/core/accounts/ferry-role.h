/* ferry-role.h: the two accounts of a move
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-oauth.h"

G_BEGIN_DECLS

/**
 * FerryRole:
 * @FERRY_ROLE_OLD: the account that is backed up and moves away
 * @FERRY_ROLE_NEW: the account that is copied to and moved to
 */
typedef enum
{
  FERRY_ROLE_OLD,
  FERRY_ROLE_NEW,
} FerryRole;

/* What each account's token is for: the old one is read and moves away, the new one is
 * written to (a move back goes through web pages or the same write:accounts). */
static inline FerryOAuthAccess
ferry_role_get_access (FerryRole role)
{
  return role == FERRY_ROLE_OLD ? FERRY_OAUTH_READ | FERRY_OAUTH_MOVE_AWAY : FERRY_OAUTH_WRITE;
}

G_END_DECLS
