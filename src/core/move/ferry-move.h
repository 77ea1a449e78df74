/* ferry-move.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"
#include "ferry-move-error.h"

G_BEGIN_DECLS

/**
 * FerryMoveDirection:
 * @FERRY_MOVE_FORWARD: from the old account to the new one
 * @FERRY_MOVE_BACK: from the new account back to the old one, after a forward move
 */
typedef enum
{
  FERRY_MOVE_FORWARD,
  FERRY_MOVE_BACK,
} FerryMoveDirection;

/**
 * FerryMoveStage:
 *
 * The steps of the assistant, in order. %FERRY_MOVE_STAGE_REDIRECT (cancel the old
 * account's redirect) belongs to a move back only.
 */
typedef enum
{
  FERRY_MOVE_STAGE_CHECKS,
  FERRY_MOVE_STAGE_BACKUP,
  FERRY_MOVE_STAGE_TRANSFER,
  FERRY_MOVE_STAGE_REDIRECT,
  FERRY_MOVE_STAGE_ALIAS,
  FERRY_MOVE_STAGE_MOVE,
  FERRY_MOVE_STAGE_WATCH,
  FERRY_MOVE_N_STAGES,
} FerryMoveStage;

/**
 * FerryMoveStatus:
 * @FERRY_MOVE_STATUS_PENDING: an earlier step comes first
 * @FERRY_MOVE_STATUS_READY: can be done now
 * @FERRY_MOVE_STATUS_WAITING: handed to a web page (or sent); watching the server for it
 * @FERRY_MOVE_STATUS_UNSURE: the server will not show whether it is done: the person says
 * @FERRY_MOVE_STATUS_WARNING: passed with something the person should know, or skipped
 * @FERRY_MOVE_STATUS_DONE: done
 * @FERRY_MOVE_STATUS_FAILED: cannot go on until this is put right
 */
typedef enum
{
  FERRY_MOVE_STATUS_PENDING,
  FERRY_MOVE_STATUS_READY,
  FERRY_MOVE_STATUS_WAITING,
  FERRY_MOVE_STATUS_UNSURE,
  FERRY_MOVE_STATUS_WARNING,
  FERRY_MOVE_STATUS_DONE,
  FERRY_MOVE_STATUS_FAILED,
} FerryMoveStatus;

/**
 * FerryMoveLevel:
 *
 * How a pre-flight check came out.
 */
typedef enum
{
  FERRY_MOVE_LEVEL_OK,
  FERRY_MOVE_LEVEL_INFO,
  FERRY_MOVE_LEVEL_WARNING,
  FERRY_MOVE_LEVEL_BLOCKER,
} FerryMoveLevel;

/**
 * FerryMoveFix:
 *
 * What Ferry can do about a check that did not pass.
 */
typedef enum
{
  FERRY_MOVE_FIX_NONE,
  FERRY_MOVE_FIX_UNLOCK,          /* ferry_move_unlock_async() */
  FERRY_MOVE_FIX_SKIP_TRANSFER,   /* ferry_move_set_transfer_skipped() */
} FerryMoveFix;

typedef struct
{
  char           *id;
  FerryMoveLevel  level;
  char           *title;
  char           *detail;
  FerryMoveFix    fix;
} FerryMoveCheck;

/**
 * FerryMoveFate:
 *
 * What a follower's server will probably do with the Move.
 */
typedef enum
{
  FERRY_MOVE_FATE_FOLLOWS,
  FERRY_MOVE_FATE_IF_ALLOWED,     /* Akkoma and Pleroma: if the follower allowed it */
  FERRY_MOVE_FATE_IGNORES,
  FERRY_MOVE_FATE_OFFLINE,
  FERRY_MOVE_FATE_REFUSES_ORIGIN, /* takes Moves, but not from the origin's software */
} FerryMoveFate;

const char *ferry_move_fate_text (FerryMoveFate fate);

typedef struct
{
  char          *host;
  char          *software;        /* "mastodon 4.5.0"; %NULL when it did not answer */
  guint          followers;
  FerryMoveFate  fate;
} FerryMoveServer;

typedef struct
{
  gint64 time;                    /* Unix seconds */
  gint64 old_followers;           /* -1: could not be read */
  gint64 new_followers;
} FerryMoveSample;

typedef struct
{
  char *acct;                     /* user@host */
  char *host;
  char *reason;
} FerryMoveStraggler;

/**
 * FerryMoveHandoff:
 * @url: the web page to open
 * @copy: what the form on it needs (put on the clipboard)
 * @instruction: one sentence: what to do there
 *
 * A step the server offers only as a web form (Mastodon).
 */
typedef struct
{
  char *url;
  char *copy;
  char *instruction;
} FerryMoveHandoff;

void ferry_move_handoff_free (FerryMoveHandoff *handoff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryMoveHandoff, ferry_move_handoff_free)

#define FERRY_TYPE_MOVE (ferry_move_get_type ())

G_DECLARE_FINAL_TYPE (FerryMove, ferry_move, FERRY, MOVE, GObject)

FerryMove          *ferry_move_new                 (FerryClient         *old_client,
                                                    const char          *old_handle,
                                                    FerryClient         *new_client,
                                                    const char          *new_handle,
                                                    FerryMoveDirection   direction);
FerryMoveDirection  ferry_move_get_direction       (FerryMove           *self);
const char         *ferry_move_get_origin_handle   (FerryMove           *self);
const char         *ferry_move_get_target_handle   (FerryMove           *self);
void                ferry_move_set_backup          (FerryMove           *self,
                                                    const char          *backup_dir);
void                ferry_move_set_transfer_skipped (FerryMove          *self,
                                                    gboolean             skipped);
gboolean            ferry_move_get_transfer_skipped (FerryMove          *self);
void                ferry_move_set_poll_interval   (FerryMove           *self,
                                                    guint                milliseconds);
void                ferry_move_set_wait_limit      (FerryMove           *self,
                                                    guint                milliseconds);
void                ferry_move_set_state_dir       (FerryMove           *self,
                                                    const char          *dir);

FerryMoveStatus     ferry_move_get_status          (FerryMove           *self,
                                                    FerryMoveStage       stage);
const char         *ferry_move_get_detail          (FerryMove           *self,
                                                    FerryMoveStage       stage);
const char         *ferry_move_stage_title         (FerryMoveStage       stage);
gboolean            ferry_move_has_stage           (FerryMove           *self,
                                                    FerryMoveStage       stage);
gboolean            ferry_move_needs_password      (FerryMove           *self);
FerryMoveHandoff   *ferry_move_get_handoff         (FerryMove           *self,
                                                    FerryMoveStage       stage);

/* Checks and forecast */
void                ferry_move_refresh_async       (FerryMove           *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            ferry_move_refresh_finish      (FerryMove           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
GPtrArray          *ferry_move_get_checks          (FerryMove           *self);
gboolean            ferry_move_checks_passed       (FerryMove           *self);
GPtrArray          *ferry_move_get_forecast        (FerryMove           *self);
void                ferry_move_get_forecast_totals (FerryMove           *self,
                                                    guint               *follow,
                                                    guint               *maybe,
                                                    guint               *stay);
gboolean            ferry_move_export_forecast     (FerryMove           *self,
                                                    const char          *path,
                                                    GError             **error);
void                ferry_move_unlock_async        (FerryMove           *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            ferry_move_unlock_finish       (FerryMove           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The steps: through the API where there is one, else watched after a web hand-off. */
void                ferry_move_run_stage_async     (FerryMove           *self,
                                                    FerryMoveStage       stage,
                                                    const char          *password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            ferry_move_run_stage_finish    (FerryMove           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void                ferry_move_confirm_alias       (FerryMove           *self);

/* After the move */
void                ferry_move_sample_async        (FerryMove           *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            ferry_move_sample_finish       (FerryMove           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
GArray             *ferry_move_get_samples         (FerryMove           *self);
gint64              ferry_move_get_moved_at        (FerryMove           *self);
void                ferry_move_stragglers_async    (FerryMove           *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray          *ferry_move_stragglers_finish   (FerryMove           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean            ferry_move_export_stragglers   (GPtrArray           *stragglers,
                                                    const char          *path,
                                                    GError             **error);
char               *ferry_move_get_announcement    (FerryMove           *self);

G_END_DECLS
