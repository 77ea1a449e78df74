/* ferry-follower-watch.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-job.h"
#include "ferry-move.h"

G_BEGIN_DECLS

/* How often the follower counts are sampled while Ferry runs. */
#define FERRY_FOLLOWER_WATCH_INTERVAL_SECONDS (30 * 60)

#define FERRY_TYPE_FOLLOWER_WATCH (ferry_follower_watch_get_type ())

G_DECLARE_FINAL_TYPE (FerryFollowerWatch, ferry_follower_watch, FERRY, FOLLOWER_WATCH, FerryJob)

FerryFollowerWatch *ferry_follower_watch_new              (FerryMove          *move,
                                                           guint               interval_seconds);
FerryMove          *ferry_follower_watch_get_move         (FerryFollowerWatch *self);
guint               ferry_follower_watch_get_interval     (FerryFollowerWatch *self);
GArray             *ferry_follower_watch_get_samples      (FerryFollowerWatch *self);
guint               ferry_follower_watch_get_n_samples    (FerryFollowerWatch *self);
gint64              ferry_follower_watch_get_last_sampled (FerryFollowerWatch *self);
void                ferry_follower_watch_sample_now       (FerryFollowerWatch *self);

G_END_DECLS
