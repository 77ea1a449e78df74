/* ferry-job-part.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ferry-step.h"

G_BEGIN_DECLS

#define FERRY_TYPE_JOB_PART (ferry_job_part_get_type ())

G_DECLARE_DERIVABLE_TYPE (FerryJobPart, ferry_job_part, FERRY, JOB_PART, GObject)

struct _FerryJobPartClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

FerryJobPart   *ferry_job_part_new              (const char     *id,
                                                 const char     *title);
const char     *ferry_job_part_get_id           (FerryJobPart   *self);
const char     *ferry_job_part_get_title        (FerryJobPart   *self);
FerryStepState  ferry_job_part_get_state        (FerryJobPart   *self);
gint64          ferry_job_part_get_done         (FerryJobPart   *self);
gint64          ferry_job_part_get_total        (FerryJobPart   *self);
const char     *ferry_job_part_get_detail       (FerryJobPart   *self);
double          ferry_job_part_get_rate         (FerryJobPart   *self);
gint64          ferry_job_part_get_seconds_left (FerryJobPart   *self);

/* For the job that fills it. */
void            ferry_job_part_set_state        (FerryJobPart   *self,
                                                 FerryStepState  state,
                                                 const char     *detail);
void            ferry_job_part_set_total        (FerryJobPart   *self,
                                                 gint64          total);
void            ferry_job_part_set_done         (FerryJobPart   *self,
                                                 gint64          done);

G_END_DECLS
