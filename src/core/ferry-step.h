/* ferry-step.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FerryStepKind:
 *
 * The steps of a move, in the order they must happen.
 */
typedef enum
{
  FERRY_STEP_ACCOUNTS,
  FERRY_STEP_CHECKS,
  FERRY_STEP_BACKUP,
  FERRY_STEP_TRANSFER,
  FERRY_STEP_MOVE,
  FERRY_STEP_WATCH,
  FERRY_STEP_N_KINDS, /*< skip >*/
} FerryStepKind;

typedef enum
{
  FERRY_STEP_STATE_PENDING,
  FERRY_STEP_STATE_RUNNING,
  FERRY_STEP_STATE_DONE,
  FERRY_STEP_STATE_SKIPPED,
  FERRY_STEP_STATE_FAILED,
} FerryStepState;

G_END_DECLS

/* FERRY_TYPE_STEP_KIND, FERRY_TYPE_STEP_STATE (glib-mkenums) */
#include "ferry-core-enums.h"

G_BEGIN_DECLS

#define FERRY_TYPE_STEP (ferry_step_get_type ())

G_DECLARE_FINAL_TYPE (FerryStep, ferry_step, FERRY, STEP, GObject)

FerryStep      *ferry_step_new          (FerryStepKind   kind);
FerryStepKind   ferry_step_get_kind     (FerryStep      *self);
const char     *ferry_step_get_title    (FerryStep      *self);
const char     *ferry_step_get_summary  (FerryStep      *self);
FerryStepState  ferry_step_get_state    (FerryStep      *self);
void            ferry_step_set_state    (FerryStep      *self,
                                         FerryStepState  state);
gboolean        ferry_step_is_finished  (FerryStep      *self);

G_END_DECLS
