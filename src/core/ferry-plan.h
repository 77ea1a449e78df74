/* ferry-plan.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ferry-account-manager.h"
#include "ferry-job-manager.h"
#include "ferry-move.h"
#include "ferry-step.h"

G_BEGIN_DECLS

#define FERRY_TYPE_PLAN (ferry_plan_get_type ())

G_DECLARE_FINAL_TYPE (FerryPlan, ferry_plan, FERRY, PLAN, GObject)

FerryPlan *ferry_plan_new            (void);
FerryStep *ferry_plan_get_step       (FerryPlan     *self,
                                      FerryStepKind  kind);
FerryStep *ferry_plan_get_current    (FerryPlan     *self);
gboolean   ferry_plan_can_start      (FerryPlan     *self,
                                      FerryStepKind  kind);
void       ferry_plan_follow         (FerryPlan     *self,
                                      FerryMove     *move);
void       ferry_plan_observe_job    (FerryPlan     *self,
                                      FerryStepKind  kind,
                                      FerryJob      *job);
FerryJob  *ferry_plan_get_job        (FerryPlan     *self,
                                      FerryStepKind  kind);
void       ferry_plan_set_job_manager (FerryPlan       *self,
                                       FerryJobManager *manager);
const char *ferry_plan_get_lock_reason (FerryPlan         *self,
                                        FerryStepKind      kind,
                                        FerryAccountState  old_state,
                                        FerryAccountState  new_state);

FerryStepState ferry_job_state_to_step_state (FerryJobState state);

G_END_DECLS
