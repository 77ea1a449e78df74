/* ferry-plan.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-plan"

#include "config.h"

#include "ferry-plan.h"

/* The steps of a move as one ordered list. A step may start only once every
 * step before it is finished (done or knowingly skipped): the move itself must
 * never come before the backup, because afterwards the old server refuses the
 * old account's token on most endpoints. */
struct _FerryPlan
{
  GObject    parent_instance;

  FerryStep *steps[FERRY_STEP_N_KINDS];  /* owned */
  FerryStep *current;                    /* unowned */
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

static FerryStepState
state_of (FerryMoveStatus status)
{
  switch (status)
    {
    case FERRY_MOVE_STATUS_DONE:
    case FERRY_MOVE_STATUS_WARNING:
      return FERRY_STEP_STATE_DONE;

    case FERRY_MOVE_STATUS_WAITING:
      return FERRY_STEP_STATE_RUNNING;

    case FERRY_MOVE_STATUS_FAILED:
      return FERRY_STEP_STATE_FAILED;

    case FERRY_MOVE_STATUS_PENDING:
    case FERRY_MOVE_STATUS_READY:
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
  gboolean running = FALSE;

  if (ferry_move_get_status (move, FERRY_MOVE_STAGE_MOVE) == FERRY_MOVE_STATUS_DONE)
    return FERRY_STEP_STATE_DONE;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      FerryStepState state;

      if (!ferry_move_has_stage (move, stages[i]))
        continue;
      state = state_of (ferry_move_get_status (move, stages[i]));
      if (state == FERRY_STEP_STATE_FAILED)
        return state;
      running |= state == FERRY_STEP_STATE_RUNNING;
    }

  return running ? FERRY_STEP_STATE_RUNNING : FERRY_STEP_STATE_PENDING;
}

/**
 * ferry_plan_follow:
 * @move: (nullable): the move between the two signed-in accounts, as last
 *   checked; %NULL while an account is missing
 *
 * Sets every step's state from where @move stands, so that the plan shows how
 * far the person has come. A move back has no backup or transfer of its own:
 * those steps show as skipped.
 */
void
ferry_plan_follow (FerryPlan *self,
                   FerryMove *move)
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

  g_return_if_fail (FERRY_IS_PLAN (self));
  g_return_if_fail (move == NULL || FERRY_IS_MOVE (move));

  if (move == NULL)
    {
      for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
        ferry_step_set_state (self->steps[i], FERRY_STEP_STATE_PENDING);
      return;
    }

  ferry_step_set_state (self->steps[FERRY_STEP_ACCOUNTS], FERRY_STEP_STATE_DONE);
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    {
      FerryStepState state;

      if (!ferry_move_has_stage (move, simple[i].stage))
        state = FERRY_STEP_STATE_SKIPPED;
      else if (simple[i].stage == FERRY_MOVE_STAGE_TRANSFER && ferry_move_get_transfer_skipped (move))
        state = FERRY_STEP_STATE_SKIPPED;
      else
        state = state_of (ferry_move_get_status (move, simple[i].stage));
      ferry_step_set_state (self->steps[simple[i].kind], state);
    }
  ferry_step_set_state (self->steps[FERRY_STEP_MOVE], move_state_of (move));
}
