/* ferry-move-private.h: what FerryMove's files share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-move-backend.h"
#include "ferry-move-error.h"
#include "ferry-move.h"
#include "ferry-move-stage-job.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

/* One of the two accounts, as the servers show it now. */
typedef struct
{
  FerryClient     *client;
  FerryHandle     *handle;
  char            *acct;         /* user@host */
  FerryAccount    *account;      /* the public view (lookup): works after a move too */
  FerryServerInfo *info;
  FerryMoveBackend *backend;     /* for info: ferry_move_side_backend() */
  GError          *verify_error; /* why its own token is refused, if it is */
  gboolean         lookup_refused; /* its server refuses its token the lookup (GoToSocial
                                    * after a move: 403): read through verify_credentials */
} FerryMoveSide;

struct _FerryMove
{
  GObject             parent_instance;

  FerryMoveDirection  direction;
  FerryMoveSide       old_side;
  FerryMoveSide       new_side;
  FerryMoveSide      *origin;     /* the account that moves */
  FerryMoveSide      *target;     /* where it moves to */

  char               *backup_dir;
  gboolean            transfer_skipped;
  guint               poll_ms;
  guint               wait_ms;    /* the longest Ferry watches for a step handed off */
  char               *state_dir;

  FerryMoveStatus     status[FERRY_MOVE_N_STAGES];
  char               *detail[FERRY_MOVE_N_STAGES];
  GPtrArray          *checks;     /* FerryMoveCheck */
  GPtrArray          *forecast;   /* FerryMoveServer */
  gboolean            refreshed;
  int                 alias;      /* 1 seen, 0 not there, -1 cannot be seen */
  gboolean            running[FERRY_MOVE_N_STAGES];  /* its stage job runs: evaluating
                                                      * keeps the step's waiting words */
  FerryMoveStageJob  *stage_jobs[FERRY_MOVE_N_STAGES]; /* weak: the last run of each */
  gboolean            moved_undone;  /* not kept: seen not moved since moved_at, so a new
                                      * move gets its own date */

  /* Kept on disk (ferry_move_save()): what must outlive the old account's API. */
  GPtrArray          *followers;  /* acct strings: the origin's followers before the move */
  GHashTable         *servers;    /* host → FerryMoveServer, probed once */
  GArray             *samples;    /* FerryMoveSample */
  gint64              moved_at;
  gboolean            alias_confirmed;
  gboolean            saving;       /* a ferry_move_save_async() write is under way */
  gboolean            save_again;   /* the state changed since it began: write it again */
  GPtrArray          *save_waiters; /* GTask: for the next write */
};

/* ferry-move.c */
void     ferry_move_save            (FerryMove        *self);
/* ferry-move-watch.c */
void     ferry_move_save_async      (FerryMove           *self,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
char    *ferry_move_normalize_acct  (const char       *acct,
                                     const char       *host);
gboolean ferry_move_origin_moved    (FerryMove        *self);
void     ferry_move_note_moved      (FerryMove        *self,
                                     gint64            now);
void     ferry_move_set_stage       (FerryMove        *self,
                                     FerryMoveStage    stage,
                                     FerryMoveStatus   status,
                                     const char       *detail);

JsonNode *ferry_move_member         (JsonNode         *node,
                                     const char       *name,
                                     JsonNodeType      type);
const char *ferry_move_string_of    (JsonNode         *node);
const char *ferry_move_acct_of      (JsonNode         *account);
const char *ferry_move_side_uri     (FerryMoveSide    *side,
                                     char            **storage);
FerryMoveBackend *ferry_move_side_backend (FerryMoveSide *side);
gboolean ferry_move_side_has_api    (FerryMoveSide    *side);
char    *ferry_move_redirect_refusal (FerryMove       *self);
void     ferry_move_side_lookup_async (FerryMove      *self,
                                     FerryMoveSide    *side,
                                     GCancellable     *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer          user_data);
gboolean ferry_move_side_lookup_finish (FerryMove     *self,
                                     GAsyncResult     *result,
                                     GError          **error);
void     ferry_move_alias_seen_async (FerryMove       *self,
                                     GCancellable     *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer          user_data);
int      ferry_move_alias_seen_finish (FerryMove      *self,
                                     GAsyncResult     *result,
                                     GError          **error);

/* ferry-move-checks.c */
void     ferry_move_evaluate        (FerryMove        *self);
void     ferry_move_forecast_async  (FerryMove        *self,
                                     GCancellable     *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer          user_data);
gboolean ferry_move_forecast_finish (FerryMove        *self,
                                     GAsyncResult     *result,
                                     GError          **error);
FerryMoveServer *ferry_move_server_new (const char    *host);
void     ferry_move_server_free     (FerryMoveServer  *server);

/* ferry-move-watch.c */
void     ferry_move_load_state      (FerryMove        *self);

G_END_DECLS
