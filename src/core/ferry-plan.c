/* ferry-plan.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-backup.h"
#include "ferry-follower-watch.h"
#include "ferry-move-stage-job.h"
#include "ferry-plan.h"
#include "ferry-sign-in.h"
#include "ferry-transfer.h"

/* The steps of a move as one ordered list. A step may start only once every
 * step before it is finished (done or knowingly skipped): the move itself must
 * never come before the backup, because afterwards the old server refuses the
 * old account's token on most endpoints.
 *
 * Where a step has a job (a sign-in, a backup, a step of the move, the follower
 * watch), the plan observes the job's state (notify::state) and the step is
 * under way, done or failed as the job says (ferry_job_state_to_step_state());
 * where it has none, or its job says nothing of the step (not started,
 * cancelled, or done with a part of it only), the step stands where the move
 * was last checked. */
struct _FerryPlan
{
  GObject          parent_instance;

  FerryStep       *steps[FERRY_STEP_N_KINDS];  /* owned */
  FerryStep       *current;                    /* unowned */
  FerryMove       *move;                       /* owned: followed */
  FerryJob        *jobs[FERRY_STEP_N_KINDS];   /* owned: observed */
  FerryJobManager *manager;                    /* owned */
};

enum {
  PROP_0,
  PROP_CURRENT,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FerryPlan, ferry_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
ferry_plan_get_item_type (GListModel *model)
{
  return FERRY_TYPE_STEP;
}

static guint
ferry_plan_get_n_items (GListModel *model)
{
  return FERRY_STEP_N_KINDS;
}

static gpointer
ferry_plan_get_item (GListModel *model,
                     guint       position)
{
  FerryPlan *self = FERRY_PLAN (model);

  if (position >= FERRY_STEP_N_KINDS)
    return NULL;

  return g_object_ref (self->steps[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ferry_plan_get_item_type;
  iface->get_n_items = ferry_plan_get_n_items;
  iface->get_item = ferry_plan_get_item;
}

static FerryStep *
find_current (FerryPlan *self)
{
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      if (!ferry_step_is_finished (self->steps[i]))
        return self->steps[i];
    }

  return NULL;
}

static void
on_step_state_changed (FerryPlan  *self,
                       GParamSpec *pspec,
                       FerryStep  *step)
{
  FerryStep *current;

  g_assert (FERRY_IS_PLAN (self));
  g_assert (FERRY_IS_STEP (step));

  current = find_current (self);
  if (current == self->current)
    return;

  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
ferry_plan_dispose (GObject *object)
{
  FerryPlan *self = FERRY_PLAN (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (ferry_job_manager_get_jobs (self->manager), self);
  g_clear_object (&self->manager);
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      if (self->jobs[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->jobs[i], self);
      g_clear_object (&self->jobs[i]);
    }
  g_clear_object (&self->move);
  self->current = NULL;
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      if (self->steps[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->steps[i], self);
      g_clear_object (&self->steps[i]);
    }

  G_OBJECT_CLASS (ferry_plan_parent_class)->dispose (object);
}

static void
ferry_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FerryPlan *self = FERRY_PLAN (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_plan_class_init (FerryPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_plan_dispose;
  object_class->get_property = ferry_plan_get_property;

  /**
   * FerryPlan:current:
   *
   * The first step that is not finished yet, or %NULL when the whole move is.
   */
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL,
                         FERRY_TYPE_STEP,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FerryPlan::changed:
   *
   * The steps were looked at again: the move changed, or a job observed changed its
   * state (also one that leaves its step's state as it was, such as a pause).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ferry_plan_init (FerryPlan *self)
{
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      self->steps[i] = ferry_step_new (i);
      g_signal_connect_object (self->steps[i], "notify::state",
                               G_CALLBACK (on_step_state_changed), self,
                               G_CONNECT_SWAPPED);
    }

  self->current = self->steps[0];
}

FerryPlan *
ferry_plan_new (void)
{
  return g_object_new (FERRY_TYPE_PLAN, NULL);
}

/**
 * ferry_plan_get_step:
 *
 * Returns: (transfer none): the plan's step of that kind
 */
FerryStep *
ferry_plan_get_step (FerryPlan     *self,
                     FerryStepKind  kind)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (kind < FERRY_STEP_N_KINDS, NULL);

  return self->steps[kind];
}

/**
 * ferry_plan_get_current:
 *
 * Returns: (transfer none) (nullable): the first unfinished step
 */
FerryStep *
ferry_plan_get_current (FerryPlan *self)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);

  return self->current;
}

/**
 * ferry_plan_can_start:
 *
 * Returns: whether every step before @kind is finished
 */
gboolean
ferry_plan_can_start (FerryPlan     *self,
                      FerryStepKind  kind)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), FALSE);
  g_return_val_if_fail (kind < FERRY_STEP_N_KINDS, FALSE);

  for (guint i = 0; i < kind; i++)
    {
      if (!ferry_step_is_finished (self->steps[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * ferry_job_state_to_step_state:
 *
 * The one translation of a job's state into a step's: a job under way (running,
 * paused or waiting) is a step under way; one that finished, a step done; one
 * that failed, a step that needs attention; one not started or cancelled leaves
 * the step where it stood.
 */
FerryStepState
ferry_job_state_to_step_state (FerryJobState state)
{
  switch (state)
    {
    case FERRY_JOB_STATE_RUNNING:
    case FERRY_JOB_STATE_PAUSED:
    case FERRY_JOB_STATE_WAITING:
      return FERRY_STEP_STATE_RUNNING;
    case FERRY_JOB_STATE_FINISHED:
      return FERRY_STEP_STATE_DONE;
    case FERRY_JOB_STATE_FAILED:
      return FERRY_STEP_STATE_FAILED;
    case FERRY_JOB_STATE_IDLE:
    case FERRY_JOB_STATE_CANCELLED:
    default:
      return FERRY_STEP_STATE_PENDING;
    }
}

/* Where the move was last checked, for a step no job speaks for. A step under way
 * is its job's (observed): the move's WAITING says nothing more here. */
static FerryStepState
state_of (FerryMoveStatus status)
{
  switch (status)
    {
    case FERRY_MOVE_STATUS_DONE:
    case FERRY_MOVE_STATUS_WARNING:
      return FERRY_STEP_STATE_DONE;

    case FERRY_MOVE_STATUS_FAILED:
      return FERRY_STEP_STATE_FAILED;

    case FERRY_MOVE_STATUS_PENDING:
    case FERRY_MOVE_STATUS_READY:
    case FERRY_MOVE_STATUS_WAITING:
    case FERRY_MOVE_STATUS_UNSURE:
    default:
      return FERRY_STEP_STATE_PENDING;
    }
}

/* Link the accounts and move: cancelling a redirect (back), the alias and the move itself. */
static FerryStepState
move_state_of (FerryMove *move)
{
  static const FerryMoveStage stages[] = {
    FERRY_MOVE_STAGE_REDIRECT, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STAGE_MOVE,
  };

  if (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE) == FERRY_MOVE_STATUS_DONE)
    return FERRY_STEP_STATE_DONE;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (ferry_move_has_stage (move, stages[i]) &&
          state_of (ferry_move_get_status (move, stages[i])) == FERRY_STEP_STATE_FAILED)
        return FERRY_STEP_STATE_FAILED;
    }

  return FERRY_STEP_STATE_PENDING;
}

/* Whether @job finishing means its step is done: not a sign-in (two accounts make the
 * step), nor the alias or the redirect (the move comes after them). */
static gboolean
finishes_step (FerryStepKind  kind,
               FerryJob      *job)
{
  switch (kind)
    {
    case FERRY_STEP_BACKUP:
    case FERRY_STEP_TRANSFER:
      return TRUE;
    case FERRY_STEP_MOVE:
      return FERRY_IS_MOVE_STAGE_JOB (job) &&
             ferry_move_stage_job_get_stage (FERRY_MOVE_STAGE_JOB (job)) == FERRY_MOVE_STAGE_MOVE;
    case FERRY_STEP_ACCOUNTS:
    case FERRY_STEP_CHECKS:
    case FERRY_STEP_WATCH:
    case FERRY_STEP_N_KINDS:
    default:
      return FALSE;
    }
}

/* The step's state from its job, where the job says something of it; else @base. */
static FerryStepState
with_job (FerryPlan      *self,
          FerryStepKind   kind,
          FerryStepState  base)
{
  FerryJob *job = self->jobs[kind];
  FerryStepState state;

  if (job == NULL || base == FERRY_STEP_STATE_SKIPPED)
    return base;
  state = ferry_job_state_to_step_state (ferry_job_get_state (job));
  if (state == FERRY_STEP_STATE_RUNNING || state == FERRY_STEP_STATE_FAILED)
    return state;
  if (state == FERRY_STEP_STATE_DONE && finishes_step (kind, job))
    return state;
  return base;
}

/* Every step's state, from the move as last checked and the jobs observed. */
static void
update (FerryPlan *self)
{
  static const struct {
    FerryStepKind  kind;
    FerryMoveStage stage;
  } simple[] = {
    { FERRY_STEP_CHECKS, FERRY_MOVE_STAGE_CHECKS },
    { FERRY_STEP_BACKUP, FERRY_MOVE_STAGE_BACKUP },
    { FERRY_STEP_TRANSFER, FERRY_MOVE_STAGE_TRANSFER },
    { FERRY_STEP_WATCH, FERRY_MOVE_STAGE_WATCH },
  };
  FerryStepState base[FERRY_STEP_N_KINDS] = { FERRY_STEP_STATE_PENDING, };
  FerryMove *move = self->move;

  if (move != NULL)
    {
      base[FERRY_STEP_ACCOUNTS] = FERRY_STEP_STATE_DONE;
      for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
        {
          FerryMoveStage stage = simple[i].stage;

          if (!ferry_move_has_stage (move, stage))
            base[simple[i].kind] = FERRY_STEP_STATE_SKIPPED;
          else if (stage == FERRY_MOVE_STAGE_TRANSFER && ferry_move_get_transfer_skipped (move))
            base[simple[i].kind] = FERRY_STEP_STATE_SKIPPED;
          else
            base[simple[i].kind] = state_of (ferry_move_get_status (move, stage));
        }
      base[FERRY_STEP_MOVE] = move_state_of (move);
    }

  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    ferry_step_set_state (self->steps[i], with_job (self, i, base[i]));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_job_state (FerryJob   *job,
              GParamSpec *pspec,
              FerryPlan  *self)
{
  update (self);
}

static void
observe (FerryPlan     *self,
         FerryStepKind  kind,
         FerryJob      *job)
{
  if (self->jobs[kind] == job)
    return;
  if (self->jobs[kind] != NULL)
    g_signal_handlers_disconnect_by_data (self->jobs[kind], self);
  g_set_object (&self->jobs[kind], job);
  if (job != NULL)
    g_signal_connect (job, "notify::state", G_CALLBACK (on_job_state), self);
}

/* The step of the move whose job speaks for the step: the one under way, else the one
 * observed already, else the last one run. */
static FerryJob *
move_stage_job (FerryPlan *self)
{
  static const FerryMoveStage stages[] = {
    FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STAGE_REDIRECT,
  };
  FerryJob *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      FerryJob *job = FERRY_JOB (ferry_move_get_stage_job (self->move, stages[i]));

      if (job == NULL)
        continue;
      if (ferry_job_is_active (job))
        return job;
      if (job == self->jobs[FERRY_STEP_MOVE] || found == NULL)
        found = job;
    }
  return found;
}

/**
 * ferry_plan_follow:
 * @move: (nullable): the move between the two signed-in accounts, as last
 *   checked; %NULL while an account is missing
 *
 * Sets every step's state from where @move stands, so that the plan shows how
 * far the person has come, and observes the job of the move's step under way
 * (ferry_move_get_stage_job()). A move back has no backup or transfer of its
 * own: those steps show as skipped. Call it again when @move changes.
 */
void
ferry_plan_follow (FerryPlan *self,
                   FerryMove *move)
{
  FerryJob *observed;
  FerryJob *job;

  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (move == NULL || FERRY_IS_MOVE (move));

  g_set_object (&self->move, move);
  observed = self->jobs[FERRY_STEP_MOVE];
  job = move != NULL ? move_stage_job (self) : NULL;
  if (job != NULL)
    observe (self, FERRY_STEP_MOVE, job);
  else if (observed != NULL && FERRY_IS_MOVE_STAGE_JOB (observed) &&
           ferry_move_stage_job_get_move (FERRY_MOVE_STAGE_JOB (observed)) != move)
    observe (self, FERRY_STEP_MOVE, NULL);   /* another move's: says nothing of this one */
  update (self);
}

/**
 * ferry_plan_observe_job:
 * @job: (nullable): the job doing step @kind now, or %NULL for none
 *
 * The step's state follows @job's (ferry_job_state_to_step_state()) while it
 * says something of the step; see #FerryPlan.
 */
void
ferry_plan_observe_job (FerryPlan     *self,
                        FerryStepKind  kind,
                        FerryJob      *job)
{
  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (kind < FERRY_STEP_N_KINDS);
  g_return_if_fail (job == NULL || FERRY_IS_JOB (job));

  observe (self, kind, job);
  update (self);
}

/* Returns: (transfer none) (nullable): the job observed for @kind */
FerryJob *
ferry_plan_get_job (FerryPlan     *self,
                    FerryStepKind  kind)
{
  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (kind < FERRY_STEP_N_KINDS, NULL);

  return self->jobs[kind];
}

/* The step a job of the manager's does, or FERRY_STEP_N_KINDS. */
static FerryStepKind
kind_of (FerryJob *job)
{
  if (FERRY_IS_SIGN_IN (job))
    return FERRY_STEP_ACCOUNTS;
  if (FERRY_IS_BACKUP (job))
    return FERRY_STEP_BACKUP;
  if (FERRY_IS_TRANSFER (job))
    return FERRY_STEP_TRANSFER;
  if (FERRY_IS_MOVE_STAGE_JOB (job))
    return FERRY_STEP_MOVE;
  if (FERRY_IS_FOLLOWER_WATCH (job))
    return FERRY_STEP_WATCH;
  return FERRY_STEP_N_KINDS;
}

/* The manager's newest job of each kind. */
static void
on_manager_jobs_changed (GListModel *jobs,
                         guint       position,
                         guint       removed,
                         guint       added,
                         FerryPlan  *self)
{
  FerryJob *newest[FERRY_STEP_N_KINDS] = { NULL, };
  guint n = g_list_model_get_n_items (jobs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FerryJob) job = g_list_model_get_item (jobs, i);
      FerryStepKind kind = kind_of (job);

      if (kind < FERRY_STEP_N_KINDS)
        newest[kind] = job;   /* the list holds it */
    }
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      if (newest[i] != NULL)
        observe (self, i, newest[i]);
    }
  update (self);
}

/**
 * ferry_plan_set_job_manager:
 *
 * Observes @manager's jobs: its newest sign-in, backup, step of the move and
 * follower watch each speak for their step.
 */
void
ferry_plan_set_job_manager (FerryPlan       *self,
                            FerryJobManager *manager)
{
  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (manager == NULL || FERRY_IS_JOB_MANAGER (manager));

  if (self->manager == manager)
    return;
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (ferry_job_manager_get_jobs (self->manager), self);
  g_set_object (&self->manager, manager);
  if (manager == NULL)
    return;
  g_signal_connect (ferry_job_manager_get_jobs (manager), "items-changed",
                    G_CALLBACK (on_manager_jobs_changed), self);
  on_manager_jobs_changed (ferry_job_manager_get_jobs (manager), 0, 0, 0, self);
}

/* Whether @state leaves an account Ferry can work with (or is still finding out): not
 * one to sign in to (again). A moved account's server refusing its token still counts. */
static gboolean
has_account (FerryAccountState state)
{
  return state != FERRY_ACCOUNT_SIGNED_OUT && state != FERRY_ACCOUNT_EXPIRED;
}

/**
 * ferry_plan_get_lock_reason:
 * @old_state: the state of the account moved from
 * @new_state: the state of the account moved to
 *
 * What must come before step @kind can be opened at all, as the assistant says it. Only
 * the hard rules lock a step: the accounts it works on, the backup before the transfer
 * and the move (afterwards the old server refuses the old account's token), the move
 * before the followers. Softer order (the checks before the backup, the transfer before
 * the move, which may be skipped) is for the steps' own pages to explain.
 *
 * Returns: (nullable): the reason, translated, or %NULL when the step may be opened
 */
const char *
ferry_plan_get_lock_reason (FerryPlan         *self,
                            FerryStepKind      kind,
                            FerryAccountState  old_state,
                            FerryAccountState  new_state)
{
  gboolean old_there = has_account (old_state);
  gboolean new_there = has_account (new_state);
  gboolean moved;

  g_return_val_if_fail (FERRY_IS_PLAN (self), NULL);
  g_return_val_if_fail (kind < FERRY_STEP_N_KINDS, NULL);

  moved = ferry_step_get_state (self->steps[FERRY_STEP_MOVE]) == FERRY_STEP_STATE_DONE;
  if (kind == FERRY_STEP_ACCOUNTS)
    return NULL;
  /* The backup needs only the old account; every other step both. */
  if (!old_there && !new_there && kind != FERRY_STEP_BACKUP)
    return _("Sign in to both accounts first");
  if (!old_there)
    return _("Sign in to the old account first");
  if (!new_there && kind != FERRY_STEP_BACKUP)
    return _("Sign in to the new account first");
  if ((kind == FERRY_STEP_TRANSFER || kind == FERRY_STEP_MOVE) && !moved &&
      !ferry_step_is_finished (self->steps[FERRY_STEP_BACKUP]))
    return _("Back up the old account first");
  if (kind == FERRY_STEP_WATCH && !moved)
    return _("Opens after the move");
  return NULL;
}
