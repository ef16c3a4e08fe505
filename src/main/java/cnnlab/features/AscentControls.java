package cnnlab.features;

import cnnlab.ui.Slider;
import cnnlab.ui.SliderRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Arrays;

/**
 * The settings form of the features page: what to maximise, the lecture's constraints, where to start, and how to
 * step. Reads into and writes from {@link AscentSettings}; knows nothing about running.
 */
public class AscentControls extends Div {
    final Select<Target> target = new Select<>();
    final Select<Measure> measure = new Select<>();
    final TextField units = new TextField("Units");
    final Button firstTwelve = new Button("First 12");
    final Button allUnits = new Button();
    final Slider l1 = new Slider(0, 0.2, 0.005, 0);
    final Slider tv = new Slider(0, 0.2, 0.005, 0);
    final Slider l2 = new Slider(0, 0.2, 0.005, 0);
    final Slider jitter = new Slider(0, Constraints.MAX_JITTER, 1, 0);
    final Slider blur = new Slider(0, 20, 1, 0);
    final Checkbox compare = new Checkbox("Compare: each unit without and with L1");
    final Select<Start> start = new Select<>();
    final IntegerField seed = new IntegerField("Seed");
    final IntegerField steps = new IntegerField("Steps");
    final NumberField stepSize = new NumberField("Step size");
    final Select<Optimiser> optimiser = new Select<>();
    private Runnable runAll = () -> { };

    public AscentControls() {
        addClassName("lab-controls");
        target.setLabel("Maximise");
        target.setItems(Target.values());
        target.setItemLabelGenerator(Target::label);
        target.setId("target");
        measure.setLabel("Objective");
        measure.setItemLabelGenerator(Measure::label);
        measure.setId("measure");
        units.setId("units");
        units.setHelperText("e.g. 0-11 or 3,7,9");
        units.setMaxLength(400);
        firstTwelve.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allUnits.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allUnits.setId("all-units");
        firstTwelve.addClickListener(e -> units.setValue(Units.format(Units.range(0, Math.min(12, selectedTarget().units())))));
        allUnits.addClickListener(e -> {
            units.setValue(Units.format(Units.range(0, selectedTarget().units())));
            runAll.run();   // one click paints the whole layer
        });
        target.addValueChangeListener(e -> {
            Target t = selectedTarget();
            measure.setItems(t.measures());
            measure.setValue(t.measures()[0]);
            allUnits.setText("All " + t.units());
            if (e.isFromClient()) units.setValue(Units.format(Units.range(0, Math.min(12, t.units()))));
        });
        l1.setId("l1");
        tv.setId("tv");
        compare.setId("compare");
        start.setLabel("Start from");
        start.setItems(Start.values());
        start.setItemLabelGenerator(Start::label);
        start.setId("start");
        seed.setMin(0);
        seed.setStepButtonsVisible(true);
        // no min/max/step on these: Vaadin would mark e.g. 200 invalid as off the step grid; read() checks them
        steps.setHelperText("1-" + AscentSettings.MAX_STEPS);
        steps.setId("steps");
        stepSize.setHelperText("(0, 1]");
        stepSize.setId("step-size");
        optimiser.setLabel("Optimiser");
        optimiser.setItems(Optimiser.values());
        optimiser.setItemLabelGenerator(Optimiser::label);
        optimiser.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) stepSize.setValue(e.getValue().defaultStep());
        });

        HorizontalLayout unitButtons = new HorizontalLayout(firstTwelve, allUnits);
        unitButtons.setSpacing(true);
        Details constraints = new Details("Constraints (the lecture's priors)", new Div(
                SliderRow.of("L1 ink λ", l1, "maximise y − λ Σ|x|: a digit is mostly empty paper"),
                SliderRow.of("Smoothness (TV)", tv, "same-coloured pixels should be contiguous"),
                SliderRow.of("L2", l2, "keep pixel values small"),
                SliderRow.of("Jitter (px)", jitter, "shift the image at random every step"),
                SliderRow.of("Blur every n steps", blur, "0 = never"),
                compare));
        constraints.setOpened(true);
        Details stepping = new Details("Start and steps", new Div(start, seed, steps, stepSize, optimiser));
        stepping.setOpened(true);
        add(target, measure, units, unitButtons, constraints, stepping);
        setSettings(AscentSettings.DEFAULT);
    }

    private Target selectedTarget() {
        return target.getValue() == null ? Target.CONV2 : target.getValue();
    }

    /** Shows {@code s} in the form. */
    public void setSettings(AscentSettings s) {
        target.setValue(s.target());
        measure.setItems(s.target().measures());
        measure.setValue(s.measure());
        allUnits.setText("All " + s.target().units());
        units.setValue(Units.format(s.units()));
        Constraints c = s.constraints();
        l1.setValue(c.l1());
        tv.setValue(c.tv());
        l2.setValue(c.l2());
        jitter.setValue((double) c.jitter());
        blur.setValue((double) c.blurEvery());
        compare.setValue(s.compareL1());
        start.setValue(s.start());
        seed.setValue((int) s.seed());
        steps.setValue(s.steps());
        stepSize.setValue(s.stepSize());
        optimiser.setValue(s.optimiser());
    }

    /** The settings in the form; throws IllegalArgumentException with a message for the user when one is wrong. */
    public AscentSettings read() {
        Target t = selectedTarget();
        Measure m = measure.getValue() != null && Arrays.asList(t.measures()).contains(measure.getValue()) ? measure.getValue() : t.measures()[0];
        int[] u = Units.parse(units.getValue(), t.units());
        if (seed.getValue() == null || seed.getValue() < 0) throw new IllegalArgumentException("the seed must be a whole number >= 0");
        if (steps.getValue() == null) throw new IllegalArgumentException("steps must be 1-" + AscentSettings.MAX_STEPS);
        if (stepSize.getValue() == null) throw new IllegalArgumentException("step size must be in (0, 1]");
        Constraints c = new Constraints(l1.getValue(), tv.getValue(), l2.getValue(), jitter.getValue().intValue(), blur.getValue().intValue());
        return new AscentSettings(t, m, u, c, compare.getValue(), start.getValue() == null ? Start.NOISE : start.getValue(),
                seed.getValue(), steps.getValue(), stepSize.getValue(),
                optimiser.getValue() == null ? Optimiser.ADAM : optimiser.getValue());
    }

    /** What "All N" does after choosing every unit of the layer (the page starts the run). */
    public void onAllUnits(Runnable run) {
        runAll = run;
    }

    /** "My drawing" can only be chosen after drawing a digit on the digits page. */
    public void setDrawingAvailable(boolean available) {
        start.setItemEnabledProvider(s -> s != Start.DRAWING || available);
        if (!available && start.getValue() == Start.DRAWING) start.setValue(Start.NOISE);
    }
}
