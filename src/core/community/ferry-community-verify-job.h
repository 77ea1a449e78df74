/* ferry-community-verify-job.h: after the move: followers against the baseline, the old
 * profile's move, the old domain's redirect, and the remedy for stragglers
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

/* The checks after moved_at (community-facts §6.2): +1 h, +24 h, +7 d. */
#define FERRY_VERIFY_FIRST   (3600)
#define FERRY_VERIFY_SECOND  (24 * 3600)
#define FERRY_VERIFY_THIRD   (7 * 24 * 3600)
/* Below this share of the baseline from +24 h on, the loss is large (80–100 % is usual). */
#define FERRY_VERIFY_LARGE_LOSS FERRY_MEMBER_DONE_RATIO
/* Counts have levelled off when the last two checks differ by at most this share. */
#define FERRY_VERIFY_LEVEL 0.02

/**
 * FerryVerifyResult:
 * @checkpoint: the last check reached, in seconds after the move (0: not an hour yet)
 * @ratio: new followers over the baseline (-1: not known)
 * @old_shows_move: the old profile says where the member went
 * @large_loss: flagged
 * @reason: (nullable): why followers are likely missing (translated)
 * @remedy: (nullable): what to do (translated; a command line for the old admin)
 * @redirect: 0 not checked, 1 the old profile URL redirects to the new one, -1 it does not
 */
typedef struct
{
  char    *old_address;
  char    *new_address;
  gint64   checkpoint;
  gint64   baseline;
  gint64   followers;
  double   ratio;
  gboolean old_shows_move;
  gboolean large_loss;
  char    *reason;
  char    *remedy;
  int      redirect;
} FerryVerifyResult;

void ferry_verify_result_free (FerryVerifyResult *result);

#define FERRY_TYPE_COMMUNITY_VERIFY_JOB (ferry_community_verify_job_get_type ())

G_DECLARE_FINAL_TYPE (FerryCommunityVerifyJob, ferry_community_verify_job, FERRY,
                      COMMUNITY_VERIFY_JOB, FerryJob)

/* old_client: the old server (the helper's token there, nullable token); new_client: the
 * new server (GoToSocial's lookup needs a token). old_software: the old server's ("mastodon",
 * "gotosocial", "akkoma"…), for the reason and the remedy. */
FerryCommunityVerifyJob *ferry_community_verify_job_new (FerryCommunity *community,
                                                         FerryClient    *old_client,
                                                         FerryClient    *new_client,
                                                         const char     *old_software);
/* Also check https://old/@user for each moved member (refused, with the reason, until the
 * counts have levelled off: ferry_community_verify_redirect_ready()). */
void       ferry_community_verify_job_set_check_redirect (FerryCommunityVerifyJob *self,
                                                          gboolean                 check);
/* After a run: one result per moved member checked (FerryVerifyResult*), in roster order. */
GPtrArray *ferry_community_verify_job_get_results (FerryCommunityVerifyJob *self);
/* Whether the redirect check was done (FALSE: not offered yet). */
gboolean   ferry_community_verify_job_get_redirect_checked (FerryCommunityVerifyJob *self);

/* Pure: whether the whole old domain may redirect now: nobody left to move, and every moved
 * member's followers have levelled off (+24 h passed, the last two counts within 2 %). When
 * not, why (translated) in reason. */
gboolean   ferry_community_verify_redirect_ready (FerryCommunity *community,
                                                  gint64          now,
                                                  char          **reason);

G_END_DECLS
