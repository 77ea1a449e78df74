/* ferry-move-stage-job.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-job.h"
#include "ferry-move.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_STAGE_JOB (ferry_move_stage_job_get_type ())

G_DECLARE_FINAL_TYPE (FerryMoveStageJob, ferry_move_stage_job, FERRY, MOVE_STAGE_JOB, FerryJob)

FerryMoveStageJob *ferry_move_stage_job_new       (FerryMove         *move,
                                                   FerryMoveStage     stage,
                                                   const char        *password);
FerryMove         *ferry_move_stage_job_get_move  (FerryMoveStageJob *self);
FerryMoveStage     ferry_move_stage_job_get_stage (FerryMoveStageJob *self);

FerryMoveStageJob *ferry_move_get_stage_job       (FerryMove         *move,
                                                   FerryMoveStage     stage);

G_END_DECLS
