/* ferry-shared-list-job.h: a real list of the moved members on the helper's new account
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

/* Mastodon's new follows a day through the API (api-facts §6), as the transfer's day plan. */
#define FERRY_SHARED_LIST_FOLLOWS_PER_DAY 400
/* Accounts added per request: one bad id fails a whole batch (community-facts §4.1). */
#define FERRY_SHARED_LIST_BATCH 20

#define FERRY_TYPE_SHARED_LIST_JOB (ferry_shared_list_job_get_type ())

G_DECLARE_FINAL_TYPE (FerrySharedListJob, ferry_shared_list_job, FERRY, SHARED_LIST_JOB,
                      FerryJob)

/* client: signed in as the helper's new account. software: the list server's ("mastodon",
 * "gotosocial", "akkoma"…): Mastodon and GoToSocial add only followed accounts, so each member
 * is followed first (within follows_per_day on Mastodon); Akkoma adds anyone and answers {}
 * whatever happens, so only the read-back tells. */
FerrySharedListJob *ferry_shared_list_job_new   (FerryCommunity     *community,
                                                 FerryClient        *client,
                                                 const char         *software,
                                                 const char         *title);
void                ferry_shared_list_job_set_follows_per_day (FerrySharedListJob *self,
                                                 guint               limit);
/* After a run: the list's id, the moved members read back in it, those missing (addresses),
 * and how many follows were sent. */
const char         *ferry_shared_list_job_get_list_id (FerrySharedListJob *self);
guint               ferry_shared_list_job_get_n_listed (FerrySharedListJob *self);
GPtrArray          *ferry_shared_list_job_get_missing  (FerrySharedListJob *self);
guint               ferry_shared_list_job_get_n_follows (FerrySharedListJob *self);
/* Days the follows take at the daily limit (1 when they fit in one). */
guint               ferry_shared_list_job_plan_days    (guint               n_follows,
                                                 guint               per_day);

G_END_DECLS
