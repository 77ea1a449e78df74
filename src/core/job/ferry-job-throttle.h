/* ferry-job-throttle.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FERRY_TYPE_JOB_THROTTLE (ferry_job_throttle_get_type ())

G_DECLARE_FINAL_TYPE (FerryJobThrottle, ferry_job_throttle, FERRY, JOB_THROTTLE, GObject)

/* Called after each flush, for what the owner notifies along (a job's parts). */
typedef void (*FerryJobThrottleFunc) (gpointer user_data);

FerryJobThrottle *ferry_job_throttle_new   (GObject              *target,
                                            guint                 interval_ms,
                                            FerryJobThrottleFunc  flushed,
                                            gpointer              user_data);
void              ferry_job_throttle_queue (FerryJobThrottle     *self,
                                            GParamSpec           *pspec);
void              ferry_job_throttle_flush (FerryJobThrottle     *self);
void              ferry_job_throttle_stop  (FerryJobThrottle     *self);

G_END_DECLS
