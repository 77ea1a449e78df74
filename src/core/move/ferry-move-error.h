/* ferry-move-error.h: what a move's steps end with, for callers to decide on
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-move-backend.h"

G_BEGIN_DECLS

#define FERRY_MOVE_ERROR (ferry_move_error_quark ())

/**
 * FerryMoveError:
 * @FERRY_MOVE_ERROR_REFUSED: the server refused for a reason Ferry has no word for (its
 *   own words are in the message and ferry_move_error_get_server_text())
 * @FERRY_MOVE_ERROR_COOLDOWN: the account moved recently and may not move again yet;
 *   ferry_move_error_get_until() is when that ends, where Ferry knows it
 * @FERRY_MOVE_ERROR_RATE_LIMITED: too many attempts; ferry_move_error_get_until() is when
 *   the server takes one again
 * @FERRY_MOVE_ERROR_NOT_AN_ALIAS: the target does not name the origin as an alias (yet)
 * @FERRY_MOVE_ERROR_WRONG_PASSWORD: the old server did not take the password
 * @FERRY_MOVE_ERROR_PASSWORD_NEEDED: the move goes through an API that wants the password,
 *   and none was given
 * @FERRY_MOVE_ERROR_TARGET_MOVED: the target has itself moved, or the origin already moved
 *   elsewhere
 * @FERRY_MOVE_ERROR_NOT_FOUND: the server could not find the other account
 * @FERRY_MOVE_ERROR_UNSUPPORTED: the server has no way to do the step (a redirect that
 *   cannot be cancelled)
 * @FERRY_MOVE_ERROR_TIMED_OUT: the step did not show on the servers within the wait limit
 *
 * No server refuses a move to a locked account (Mastodon turns moved followers into follow
 * requests, app/lib/activitypub/activity/follow.rb): that is a pre-flight check, not an
 * error code.
 */
typedef enum
{
  FERRY_MOVE_ERROR_REFUSED,
  FERRY_MOVE_ERROR_COOLDOWN,
  FERRY_MOVE_ERROR_RATE_LIMITED,
  FERRY_MOVE_ERROR_NOT_AN_ALIAS,
  FERRY_MOVE_ERROR_WRONG_PASSWORD,
  FERRY_MOVE_ERROR_PASSWORD_NEEDED,
  FERRY_MOVE_ERROR_TARGET_MOVED,
  FERRY_MOVE_ERROR_NOT_FOUND,
  FERRY_MOVE_ERROR_UNSUPPORTED,
  FERRY_MOVE_ERROR_TIMED_OUT,
} FerryMoveError;

GQuark      ferry_move_error_quark           (void);
gint64      ferry_move_error_get_until       (const GError     *error);
guint       ferry_move_error_get_http_status (const GError     *error);
const char *ferry_move_error_get_server_text (const GError     *error);
char       *ferry_move_error_explain         (FerryMoveError    code);
GError     *ferry_move_error_new_refusal     (FerryMoveBackend *backend,
                                              GError           *error,
                                              gint64            cooldown_ends);

G_END_DECLS
