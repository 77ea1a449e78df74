/* ferry-announce-job.h: the community's posts from the helper's account: posted, pinned,
 * scheduled within the limits, each read back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"
#include "ferry-community.h"
#include "ferry-job.h"

G_BEGIN_DECLS

/* The servers' scheduling limits (community-facts §3.2: Mastodon, GoToSocial ≥ 0.20 and Akkoma
 * alike): more than 5 minutes ahead, 25 on one UTC day, 300 in all. Ferry keeps a minute more
 * than the minimum, for the clocks and the request's way. */
#define FERRY_ANNOUNCE_MIN_LEAD      (5 * 60)
#define FERRY_ANNOUNCE_LEAD_MARGIN   60
#define FERRY_ANNOUNCE_DAILY_LIMIT   25
#define FERRY_ANNOUNCE_TOTAL_LIMIT   300

#define FERRY_TYPE_ANNOUNCE_JOB (ferry_announce_job_get_type ())

G_DECLARE_FINAL_TYPE (FerryAnnounceJob, ferry_announce_job, FERRY, ANNOUNCE_JOB, FerryJob)

/* client: signed in as the helper's old account (the community's posts go out from there). */
FerryAnnounceJob *ferry_announce_job_new          (FerryCommunity         *community,
                                                   FerryClient            *client);
/* The server's pin limit (FerryServerInfo's max pinned; 5 when not set). */
void              ferry_announce_job_set_pin_limit (FerryAnnounceJob      *self,
                                                   guint                   limit);
/* Adds a post to the plan. key: stable across runs (the journal's and the Idempotency-Key);
 * visibility: public or unlisted (direct never); scheduled_at: 0 for now, else unix seconds
 * of the server's clock. A mentions post must be reviewed by the helper: reviewed FALSE for
 * FERRY_COMMUNITY_POST_MENTIONS is refused. */
gboolean          ferry_announce_job_add          (FerryAnnounceJob       *self,
                                                   FerryCommunityPostKind  kind,
                                                   const char             *key,
                                                   const char             *text,
                                                   const char             *visibility,
                                                   gint64                  scheduled_at,
                                                   gboolean                pin,
                                                   gboolean                reviewed,
                                                   GError                **error);

/* Pure: whether scheduling at these times keeps the limits, given what the account has
 * scheduled already (existing: unix seconds). now: the server's clock. */
gboolean          ferry_announce_check_schedule   (const gint64           *existing,
                                                   guint                   n_existing,
                                                   const gint64           *planned,
                                                   guint                   n_planned,
                                                   gint64                  now,
                                                   GError                **error);

/* After a run: the keys of posts the server answered with success but does not show (a
 * silently dropped post: community-facts §8), the pinned posts' addresses to unpin one of
 * when the pin limit was reached (empty otherwise), and how many posts were sent. */
GPtrArray        *ferry_announce_job_get_dropped  (FerryAnnounceJob       *self);
GPtrArray        *ferry_announce_job_get_unpin_candidates (FerryAnnounceJob *self);
guint             ferry_announce_job_get_n_sent   (FerryAnnounceJob       *self);

G_END_DECLS
