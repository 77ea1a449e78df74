/* ferry-job-private.h: what FerryJob and its parts share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-job.h"

G_BEGIN_DECLS

/* The part's counts are notified through its job's throttle (@job NULL: at once). */
void _ferry_job_part_attach      (FerryJobPart *part,
                                  FerryJob     *job);
void _ferry_job_part_flush       (FerryJobPart *part);
void _ferry_job_queue_notify     (FerryJob     *job);

G_END_DECLS
