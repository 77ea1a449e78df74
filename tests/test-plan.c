/* test-plan.c: the order of a move's steps
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ferry-plan.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_plan_order (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  GListModel *model = G_LIST_MODEL (plan);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, FERRY_STEP_N_KINDS);
  g_assert_true (g_list_model_get_item_type (model) == FERRY_TYPE_STEP);

  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      g_autoptr(FerryStep) step = g_list_model_get_item (model, i);

      g_assert_cmpint (ferry_step_get_kind (step), ==, i);
      g_assert_nonnull (ferry_step_get_title (step));
      g_assert_nonnull (ferry_step_get_summary (step));
      g_assert_cmpint (ferry_step_get_state (step), ==, FERRY_STEP_STATE_PENDING);
    }

  g_assert_null (g_list_model_get_item (model, FERRY_STEP_N_KINDS));

  /* The backup must come before the move: afterwards the old token is refused. */
  g_assert_cmpint (FERRY_STEP_BACKUP, <, FERRY_STEP_MOVE);
  g_assert_cmpint (FERRY_STEP_CHECKS, <, FERRY_STEP_BACKUP);
}

static void
test_plan_gates (void)
{
  g_autoptr(FerryPlan) plan = ferry_plan_new ();
  FerryStep *accounts = ferry_plan_get_step (plan, FERRY_STEP_ACCOUNTS);
  FerryStep *checks = ferry_plan_get_step (plan, FERRY_STEP_CHECKS);
  FerryStep *backup = ferry_plan_get_step (plan, FERRY_STEP_BACKUP);
  FerryStep *transfer = ferry_plan_get_step (plan, FERRY_STEP_TRANSFER);
  guint current_notifies = 0;

  g_signal_connect (plan, "notify::current", G_CALLBACK (count_notify), &current_notifies);

  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_ACCOUNTS));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_MOVE));
  g_assert_true (ferry_plan_get_current (plan) == accounts);

  ferry_step_set_state (accounts, FERRY_STEP_STATE_DONE);
  g_assert_true (ferry_plan_get_current (plan) == checks);
  g_assert_cmpuint (current_notifies, ==, 1);
  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_CHECKS));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_BACKUP));

  /* A failed step holds everything after it. */
  ferry_step_set_state (checks, FERRY_STEP_STATE_FAILED);
  g_assert_true (ferry_plan_get_current (plan) == checks);
  g_assert_cmpuint (current_notifies, ==, 1);
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_BACKUP));

  ferry_step_set_state (checks, FERRY_STEP_STATE_DONE);
  ferry_step_set_state (backup, FERRY_STEP_STATE_DONE);
  /* Knowingly skipping the transfer lets the move go ahead. */
  ferry_step_set_state (transfer, FERRY_STEP_STATE_SKIPPED);
  g_assert_true (ferry_plan_can_start (plan, FERRY_STEP_MOVE));
  g_assert_false (ferry_plan_can_start (plan, FERRY_STEP_WATCH));
  g_assert_cmpint (ferry_step_get_kind (ferry_plan_get_current (plan)), ==, FERRY_STEP_MOVE);

  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_MOVE), FERRY_STEP_STATE_DONE);
  ferry_step_set_state (ferry_plan_get_step (plan, FERRY_STEP_WATCH), FERRY_STEP_STATE_DONE);
  g_assert_null (ferry_plan_get_current (plan));

  /* Without a move (an account signed out), everything is ahead again. */
  ferry_plan_follow (plan, NULL);
  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    g_assert_cmpint (ferry_step_get_state (ferry_plan_get_step (plan, i)), ==, FERRY_STEP_STATE_PENDING);
  g_assert_true (ferry_plan_get_current (plan) == accounts);
}

static void
test_step_notify_only_on_change (void)
{
  g_autoptr(FerryStep) step = ferry_step_new (FERRY_STEP_BACKUP);
  guint notifies = 0;

  g_signal_connect (step, "notify::state", G_CALLBACK (count_notify), &notifies);

  ferry_step_set_state (step, FERRY_STEP_STATE_PENDING);
  g_assert_cmpuint (notifies, ==, 0);
  ferry_step_set_state (step, FERRY_STEP_STATE_RUNNING);
  ferry_step_set_state (step, FERRY_STEP_STATE_RUNNING);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_false (ferry_step_is_finished (step));
  ferry_step_set_state (step, FERRY_STEP_STATE_DONE);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_true (ferry_step_is_finished (step));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/order", test_plan_order);
  g_test_add_func ("/plan/gates", test_plan_gates);
  g_test_add_func ("/step/notify-only-on-change", test_step_notify_only_on_change);

  return g_test_run ();
}
